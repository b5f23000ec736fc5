package com.example.monitor.config;

/**
 * Optional Kerberos settings; a null field means "use the JVM/driver default". With {@code keytab} (and
 * its {@code principal}) the application logs on itself; otherwise it uses the ticket cache {@code ccache}.
 */
public record KerberosConfig(String ccache, String krb5Conf, String principal, String keytab) {

    public KerberosConfig(String ccache, String krb5Conf) {
        this(ccache, krb5Conf, null, null);
    }

    public boolean usesKeytab() {
        return keytab != null;
    }
}
