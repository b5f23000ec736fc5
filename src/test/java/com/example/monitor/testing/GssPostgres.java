package com.example.monitor.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

/**
 * A PostgreSQL cluster from Debian's binaries (built with GSSAPI, unlike the embedded ones) in a temp
 * folder, on its own port, that takes only GSSAPI logons over TCP: {@code include_realm=0}, so
 * {@code monitor@EXAMPLE.COM} logs on as the role {@code monitor}. The machine's own cluster, if any, is
 * left alone. Run as the postgres user, since initdb refuses root.
 */
public final class GssPostgres implements AutoCloseable {

    /** Debian's newest installed server (15 on Debian 12). */
    public static final Path BIN = newestServer();

    private final Path dir;
    private final int port;
    private final Map<String, String> environment;

    private GssPostgres(Path dir, int port, Map<String, String> environment) {
        this.dir = dir;
        this.port = port;
        this.environment = environment;
    }

    public static GssPostgres start(Path dir, KerberosRealm realm) throws Exception {
        Path keytab = dir.resolve("postgres.keytab");
        Files.copy(realm.serviceKeytab(), keytab);
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Commands.chownToPostgres(dir);
        Map<String, String> env = new HashMap<>(realm.environment());
        // the server keeps its Kerberos replay cache in TMPDIR: the tests' own (target/tmp) is root's
        env.put("TMPDIR", dir.toString());
        Commands.run(Map.of(), dir, null, Commands.asPostgres(env, BIN.resolve("initdb").toString(), "-D",
                data.toString(), "-A", "trust", "-U", "postgres", "--no-sync"));
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Files.writeString(data.resolve("postgresql.conf"), """

                port = %d
                listen_addresses = '127.0.0.1'
                unix_socket_directories = '%s'
                krb_server_keyfile = '%s'
                fsync = off
                log_connections = on
                """.formatted(port, data, keytab), StandardOpenOption.APPEND);
        Files.writeString(data.resolve("pg_hba.conf"), """
                local all postgres trust
                host all all 127.0.0.1/32 gss include_realm=0 krb_realm=%s
                """.formatted(KerberosRealm.REALM));
        GssPostgres server = new GssPostgres(dir, port, env);
        Commands.run(Map.of(), dir, null, Commands.asPostgres(env, BIN.resolve("pg_ctl").toString(), "-D",
                data.toString(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "60", "start"));
        return server;
    }

    private static Path newestServer() {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(java.util.Comparator.comparing(bin -> Integer.parseInt(bin.getParent().getFileName().toString()
                            .replaceAll("\\D", "0")))).orElse(Path.of("/usr/lib/postgresql/15/bin"));
        } catch (IOException e) {
            return Path.of("/usr/lib/postgresql/15/bin");
        }
    }

    public int port() {
        return port;
    }

    /** A URL with host localhost, which the service principal postgres/localhost names. */
    public String url(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** Runs statements as the superuser, over the cluster's own Unix socket; one transaction each. */
    public void execute(String database, String... statements) throws Exception {
        List<String> command = new ArrayList<>(List.of(BIN.resolve("psql").toString(), "-X", "-q",
                "-v", "ON_ERROR_STOP=1", "-h", dir.resolve("data").toString(), "-p", Integer.toString(port),
                "-U", "postgres", "-d", database));
        for (String statement : statements) {
            command.add("-c");
            command.add(statement);
        }
        Commands.run(Map.of(), dir, null, Commands.asPostgres(environment, command.toArray(String[]::new)));
    }

    /** Creates a database owned by a login role named after the client principal, without its realm. */
    public String createDatabase(String name, String role, String... statements) throws Exception {
        execute("postgres", "DO $$BEGIN CREATE ROLE " + role + " LOGIN; EXCEPTION WHEN duplicate_object THEN"
                + " NULL; END$$", "CREATE DATABASE " + name + " OWNER " + role);
        List<String> all = new ArrayList<>(List.of(statements));
        all.add("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role);
        execute(name, all.toArray(String[]::new));
        return url(name);
    }

    /** The server's log: with log_connections, one line per logon and how it was authenticated. */
    public String log() throws IOException {
        return Files.readString(dir.resolve("server.log"));
    }

    @Override
    public void close() throws Exception {
        Commands.run(Map.of(), dir, null, Commands.asPostgres(environment, BIN.resolve("pg_ctl").toString(),
                "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop"));
    }
}
