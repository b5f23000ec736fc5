package com.example.monitor.testing;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A real MIT Kerberos realm in a temp folder: its own kdc.conf and krb5.conf (the machine's
 * /etc/krb5.conf is never read), a KDC on a free port, and principals with exported keytabs.
 * <ul>
 *   <li>{@value #REALM}, served by {@code krb5kdc}: the client {@value #CLIENT} (password
 *       {@value #CLIENT_PASSWORD}), the service {@value #SERVICE}, and principals for the failure cases;</li>
 *   <li>{@value #SILENT_REALM}, whose "KDC" is a port that accepts and never answers, with a keytab of its
 *       own client, so a logon there waits on a KDC that does not reply.</li>
 * </ul>
 */
public final class KerberosRealm implements AutoCloseable {

    public static final String REALM = "EXAMPLE.COM";
    public static final String SILENT_REALM = "SILENT.EXAMPLE.COM";
    public static final String CLIENT = "monitor@" + REALM;
    public static final String CLIENT_PASSWORD = "Kdc-Test-Password-7f3e";
    public static final String SERVICE = "postgres/localhost@" + REALM;
    /** Its keytab was exported, then its password changed: the keytab holds a stale key. */
    public static final String ROTATED = "rotated@" + REALM;
    /** Its keytab was exported, then it was deleted from the KDC. */
    public static final String DELETED = "ghost@" + REALM;
    /** Another principal, whose keytab is the wrong one for {@value #CLIENT}. */
    public static final String OTHER = "other@" + REALM;
    public static final String SILENT_CLIENT = "monitor@" + SILENT_REALM;

    private static final String MASTER_PASSWORD = "master-key-for-tests";

    private final Path dir;
    private final int port;
    private final Process kdc;
    private final ServerSocket silentTcp;
    private final DatagramSocket silentUdp;

    private KerberosRealm(Path dir, int port, Process kdc, ServerSocket silentTcp, DatagramSocket silentUdp) {
        this.dir = dir;
        this.port = port;
        this.kdc = kdc;
        this.silentTcp = silentTcp;
        this.silentUdp = silentUdp;
    }

    /** @param clientTicketLifetime the longest ticket the KDC gives {@value #CLIENT} */
    public static KerberosRealm start(Path dir, Duration clientTicketLifetime) throws Exception {
        int port = freePort();
        ServerSocket silentTcp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        DatagramSocket silentUdp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                silentTcp.getLocalPort()));
        Files.writeString(dir.resolve("kdc.conf"), """
                [kdcdefaults]
                    kdc_ports = %1$d
                    kdc_tcp_ports = %1$d
                [realms]
                    %2$s = {
                        database_name = %3$s/principal
                        key_stash_file = %3$s/stash
                        acl_file = %3$s/kadm5.acl
                        max_life = 10h
                        max_renewable_life = 1d
                        supported_enctypes = aes256-cts-hmac-sha1-96:normal aes128-cts-hmac-sha1-96:normal
                    }
                    %4$s = {
                        database_name = %3$s/silent-principal
                        key_stash_file = %3$s/silent-stash
                        acl_file = %3$s/kadm5.acl
                        supported_enctypes = aes256-cts-hmac-sha1-96:normal aes128-cts-hmac-sha1-96:normal
                    }
                """.formatted(port, REALM, dir, SILENT_REALM));
        Files.writeString(dir.resolve("kadm5.acl"), "");
        // kdc_timeout with a unit: MIT reads a bare number as seconds, the JDK as milliseconds. It is longer
        // than the tests' connect timeouts, so that a silent KDC is cut short by the app's own bound
        Files.writeString(dir.resolve("krb5.conf"), """
                [libdefaults]
                    default_realm = %s
                    dns_lookup_kdc = false
                    dns_lookup_realm = false
                    rdns = false
                    dns_canonicalize_hostname = false
                    udp_preference_limit = 1
                    kdc_timeout = 10s
                    max_retries = 1
                    forwardable = false
                [realms]
                    %s = {
                        kdc = 127.0.0.1:%d
                    }
                    %s = {
                        kdc = 127.0.0.1:%d
                    }
                """.formatted(REALM, REALM, port, SILENT_REALM, silentTcp.getLocalPort()));
        Map<String, String> env = environment(dir);
        Commands.run(env, dir, null, "kdb5_util", "create", "-s", "-r", REALM, "-P", MASTER_PASSWORD);
        Commands.run(env, dir, null, "kdb5_util", "create", "-s", "-r", SILENT_REALM, "-P", MASTER_PASSWORD);
        String life = "-maxlife \"" + clientTicketLifetime.toSeconds() + " seconds\"";
        admin(env, dir, REALM,
                "addprinc -pw " + CLIENT_PASSWORD + " " + life + " " + CLIENT,
                "addprinc -randkey " + SERVICE,
                "ktadd -k " + dir.resolve("postgres.keytab") + " " + SERVICE,
                "ktadd -norandkey -k " + dir.resolve("monitor.keytab") + " " + CLIENT,
                "addprinc -pw first-password " + ROTATED,
                "ktadd -norandkey -k " + dir.resolve("rotated.keytab") + " " + ROTATED,
                "cpw -pw second-password " + ROTATED,
                "addprinc -pw ghost-password " + DELETED,
                "ktadd -norandkey -k " + dir.resolve("ghost.keytab") + " " + DELETED,
                "delprinc -force " + DELETED,
                "addprinc -randkey " + OTHER,
                "ktadd -k " + dir.resolve("other.keytab") + " " + OTHER);
        admin(env, dir, SILENT_REALM,
                "addprinc -randkey " + SILENT_CLIENT,
                "ktadd -k " + dir.resolve("silent.keytab") + " " + SILENT_CLIENT);
        ProcessBuilder kdcCommand = new ProcessBuilder("krb5kdc", "-n", "-r", REALM).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("krb5kdc.out").toFile());
        kdcCommand.environment().putAll(env);
        Process kdc = kdcCommand.start();
        KerberosRealm realm = new KerberosRealm(dir, port, kdc, silentTcp, silentUdp);
        try {
            Awaitility.await("the KDC listening on port " + port).atMost(Duration.ofSeconds(30))
                    .until(() -> kdcAnswers(port, kdc));
        } catch (RuntimeException e) {
            realm.close();
            throw e;
        }
        return realm;
    }

    private static boolean kdcAnswers(int port, Process kdc) {
        if (!kdc.isAlive()) {
            throw new IllegalStateException("krb5kdc exited with " + kdc.exitValue());
        }
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void admin(Map<String, String> env, Path dir, String realm, String... queries)
            throws Exception {
        for (String query : queries) {
            Commands.run(env, dir, null, "kadmin.local", "-r", realm, "-q", query);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Map<String, String> environment(Path dir) {
        return Map.of("KRB5_CONFIG", dir.resolve("krb5.conf").toString(),
                "KRB5_KDC_PROFILE", dir.resolve("kdc.conf").toString());
    }

    /** What MIT tools (kinit, the PostgreSQL server) need to find this realm and nothing else. */
    public Map<String, String> environment() {
        return environment(dir);
    }

    public Path krb5Conf() {
        return dir.resolve("krb5.conf");
    }

    public Path serviceKeytab() {
        return dir.resolve("postgres.keytab");
    }

    /** The keytab of {@value #CLIENT}; also holds a key for nobody else. */
    public Path clientKeytab() {
        return dir.resolve("monitor.keytab");
    }

    public Path keytab(String name) {
        return dir.resolve(name + ".keytab");
    }

    public int port() {
        return port;
    }

    /** Fills a fresh ticket cache for {@value #CLIENT} with kinit and the password. */
    public Path kinit(Path cache, String... options) throws Exception {
        String[] command = new String[options.length + 2];
        command[0] = "kinit";
        System.arraycopy(options, 0, command, 1, options.length);
        command[command.length - 1] = CLIENT;
        Map<String, String> env = new java.util.HashMap<>(environment());
        env.put("KRB5CCNAME", "FILE:" + cache);
        Commands.run(env, dir, CLIENT_PASSWORD + "\n", command);
        return cache;
    }

    @Override
    public void close() throws Exception {
        kdc.destroy();
        if (!kdc.waitFor(10, TimeUnit.SECONDS)) {
            kdc.destroyForcibly();
        }
        silentTcp.close();
        silentUdp.close();
    }
}
