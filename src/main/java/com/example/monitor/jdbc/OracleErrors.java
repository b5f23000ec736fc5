package com.example.monitor.jdbc;

/** Adds what to check to the Oracle logon failures users meet most, keeping the driver's words. */
public final class OracleErrors {

    private OracleErrors() {
    }

    public static String explain(String message) {
        if (message.contains("Unable to obtain Principal Name")) {
            return message + " (Kerberos: no usable ticket; run kinit, check the ticket cache is a FILE: cache"
                    + " and not expired)";
        }
        if (message.contains("ORA-01017")) {
            return message + " (with Kerberos: check auth: kerberos is set and the database user is IDENTIFIED"
                    + " EXTERNALLY AS your principal; with a password: check username and password)";
        }
        if (message.contains("ORA-12631")) {
            return message + " (Kerberos username retrieval failed: check the service principal"
                    + " oracle/<host>@REALM exists and the host name is the FQDN; with forwardable tickets retry"
                    + " with kinit without -f)";
        }
        if (message.contains("ORA-01013")) {
            return message + " (the statement was cancelled on the server)";
        }
        return message;
    }
}
