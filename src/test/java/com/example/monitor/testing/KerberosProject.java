package com.example.monitor.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A databases.yaml of Kerberos databases on the {@link GssPostgres} cluster, with its SQL files. */
public final class KerberosProject {

    /** Who the server says the session is, and whether GSSAPI authenticated it. */
    public static final String WHO_AM_I = "SELECT current_user AS role, g.gss_authenticated, g.principal"
            + " FROM pg_stat_gssapi g WHERE g.pid = pg_backend_pid()\n";

    private final ProjectFiles files;
    private final Path krb5Conf;
    private final StringBuilder yaml = new StringBuilder("databases:\n");

    public KerberosProject(Path root, Path krb5Conf) {
        this.files = new ProjectFiles(root);
        this.krb5Conf = krb5Conf;
    }

    public ProjectFiles files() {
        return files;
    }

    /** A database logging on from a ticket cache. */
    public KerberosProject withTicketCache(String name, String url, Path ccache) {
        return database(name, url, "ccache: FILE:" + ccache);
    }

    /** A database the app logs on to itself, as the principal, with the keytab. */
    public KerberosProject withKeytab(String name, String url, String principal, Path keytab) {
        return database(name, url, "principal: " + principal, "keytab: " + keytab);
    }

    private KerberosProject database(String name, String url, String... kerberosLines) {
        yaml.append("  - name: ").append(name).append('\n')
                .append("    url: \"").append(url).append("\"\n")
                .append("    auth: kerberos\n")
                .append("    kerberos:\n")
                .append("      krb5_conf: ").append(krb5Conf).append('\n');
        for (String line : kerberosLines) {
            yaml.append("      ").append(line).append('\n');
        }
        yaml.append("    connect_timeout: 3s\n")
                .append("    sql_queries:\n");
        return this;
    }

    public KerberosProject query(String name, String fileName, String sql) throws IOException {
        yaml.append("      - name: ").append(name).append('\n')
                .append("        query_location: sql/").append(fileName).append('\n');
        Path file = files.root().resolve("sql").resolve(fileName);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql);
        return this;
    }

    public KerberosProject write() throws IOException {
        Files.createDirectories(files.root());
        Files.writeString(files.databasesFile(), yaml.toString());
        return this;
    }
}
