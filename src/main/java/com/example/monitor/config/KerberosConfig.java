package com.example.monitor.config;

import java.nio.file.Path;

/**
 * Optional Kerberos settings; a null field means "use the JVM/driver default". {@code principal}
 * and {@code keytab} together ask for a logon from a keytab instead of a ticket cache.
 */
public record KerberosConfig(String ccache, String krb5Conf, String principal, String keytab) {
    /** Ticket-cache settings only. */
    public KerberosConfig(String ccache, String krb5Conf) {
        this(ccache, krb5Conf, null, null);
    }

    /**
     * The file of a ticket cache name ({@code FILE:/tmp/krb5cc_1000} or a bare path). KEYRING: and KCM:
     * caches are invisible to Java: such a name is taken as a relative file, which is then missing.
     */
    public static Path cacheFile(String ccache) {
        return Path.of(ccache.startsWith("FILE:") ? ccache.substring("FILE:".length()) : ccache);
    }

    /** The app logs on itself from the keytab, instead of reading a ticket cache someone else fills. */
    public boolean usesKeytab() {
        return keytab != null;
    }
}
