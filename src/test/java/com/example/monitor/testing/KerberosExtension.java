package com.example.monitor.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link KerberosRealm} and a {@link GssPostgres} cluster for one test class, in one temp folder that is
 * removed afterwards. Without the Debian packages the class is skipped, naming them; under CI=true that is
 * a failure instead, since .ci/run installs them. Register with
 * {@code @RegisterExtension static final KerberosExtension KERBEROS = new KerberosExtension();}.
 */
public final class KerberosExtension implements BeforeAllCallback, AfterAllCallback {

    static final String PACKAGES = "krb5-kdc krb5-admin-server krb5-user postgresql";
    private static final List<Path> TOOLS = List.of(Path.of("/usr/sbin/krb5kdc"), Path.of("/usr/sbin/kdb5_util"),
            Path.of("/usr/sbin/kadmin.local"), Path.of("/usr/bin/kinit"), GssPostgres.BIN.resolve("initdb"),
            GssPostgres.BIN.resolve("pg_ctl"));

    private final Duration clientTicketLifetime;
    private Path dir;
    private KerberosRealm realm;
    private GssPostgres postgres;

    public KerberosExtension() {
        this(Duration.ofHours(10));
    }

    /** @param clientTicketLifetime the longest ticket the KDC gives the client principal */
    public KerberosExtension(Duration clientTicketLifetime) {
        this.clientTicketLifetime = clientTicketLifetime;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        List<Path> missing = TOOLS.stream().filter(tool -> !Files.isExecutable(tool)).toList();
        if (!missing.isEmpty()) {
            String reason = "needs a real KDC and a GSSAPI PostgreSQL: install the Debian packages " + PACKAGES
                    + " (missing " + missing + ")";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(reason + "; .ci/run installs them");
            }
            Assumptions.abort(reason);
        }
        dir = Files.createTempDirectory("kerberos-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        try {
            realm = KerberosRealm.start(dir, clientTicketLifetime);
            Path cluster = Files.createDirectory(dir.resolve("postgres"));
            postgres = GssPostgres.start(cluster, realm);
        } catch (Exception e) {
            afterAll(context);
            throw e;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        List<Exception> failures = new ArrayList<>();
        for (AutoCloseable part : new AutoCloseable[] {postgres, realm}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                failures.add(e);
            }
        }
        postgres = null;
        realm = null;
        if (dir != null) {
            deleteTree(dir);
            dir = null;
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    public KerberosRealm realm() {
        return realm;
    }

    public GssPostgres postgres() {
        return postgres;
    }

    /** A folder for the test's own files (ticket caches, projects), removed with the realm. */
    public Path folder(String name) throws IOException {
        return Files.createDirectories(dir.resolve("test").resolve(name));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
