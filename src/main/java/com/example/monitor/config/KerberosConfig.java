package com.example.monitor.config;

/** Optional Kerberos settings; a null field means "use the JVM/driver default". */
public record KerberosConfig(String ccache, String krb5Conf) {
}
