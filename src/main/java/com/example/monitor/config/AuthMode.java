package com.example.monitor.config;

/** How the monitor authenticates against a database. */
public enum AuthMode {
    KERBEROS,
    PASSWORD
}
