package com.example.monitor.config;

/**
 * Optional Kerberos settings; a null field means "use the JVM/driver default". {@code principal}
 * and {@code keytab} together ask for a logon from a keytab instead of a ticket cache.
 */
public record KerberosConfig(String ccache, String krb5Conf, String principal, String keytab) {
    /** Ticket-cache settings only. */
    public KerberosConfig(String ccache, String krb5Conf) {
        this(ccache, krb5Conf, null, null);
    }

    /** The app logs on itself from the keytab, instead of reading a ticket cache someone else fills. */
    public boolean usesKeytab() {
        return keytab != null;
    }
}
