package com.example.monitor.jdbc;

import com.example.monitor.config.FileReading;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import javax.security.auth.Subject;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.kerberos.KerberosPrincipal;
import javax.security.auth.kerberos.KerberosTicket;
import javax.security.auth.kerberos.KeyTab;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kerberos identity the app connects as, shared by every database that names the same keytab and
 * principal (or the same ticket cache). The JDK's {@code Krb5LoginModule} logs on with a JAAS
 * configuration built here, so no jaas.conf file is needed. A ticket that has expired, or expires within
 * the renewal margin, is replaced by a fresh logon the next time it is asked for. Every logon is bounded
 * in time: a KDC that never answers costs one timeout, not the JDK's retries.
 */
public final class KerberosLogin {

    private static final Logger LOG = LoggerFactory.getLogger(KerberosLogin.class);
    private static final String MODULE = "com.sun.security.auth.module.Krb5LoginModule";
    /** The JDK's words when a keytab's key cannot decrypt the KDC's reply, or the KDC rejects it. */
    private static final Pattern STALE_KEY = Pattern.compile("Checksum failed|Pre-authentication information was"
            + " invalid|Integrity check on decrypted field failed");
    /** A logon waiting on a silent KDC is abandoned, not interrupted: the JDK's own timeout ends it later. */
    private static final ExecutorService LOGONS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "kerberos-logon");
        thread.setDaemon(true);
        return thread;
    });

    private final String principal;
    private final Path keytab;
    private final Path ticketCache;
    private final Duration renewBefore;
    private final Clock clock;
    private Subject subject;
    private KerberosTicket tgt;

    private KerberosLogin(String principal, Path keytab, Path ticketCache, Duration renewBefore, Clock clock) {
        this.principal = principal;
        this.keytab = keytab;
        this.ticketCache = ticketCache;
        this.renewBefore = renewBefore;
        this.clock = clock;
    }

    static KerberosLogin fromKeytab(String principal, Path keytab, Duration renewBefore, Clock clock) {
        return new KerberosLogin(principal, keytab, null, renewBefore, clock);
    }

    static KerberosLogin fromTicketCache(Path ticketCache, Duration renewBefore, Clock clock) {
        return new KerberosLogin(null, null, ticketCache, renewBefore, clock);
    }

    /**
     * The logged-on subject, logging on first when there is no ticket or it is due for renewal.
     *
     * @throws LoginException with a message that names the principal and where its key came from
     */
    public synchronized Subject subject(Duration timeout) throws LoginException {
        Instant now = clock.instant();
        if (subject != null && tgt.getEndTime().toInstant().minus(renewBefore).isAfter(now)) {
            return subject;
        }
        KerberosTicket previous = tgt;
        Subject fresh = logOn(timeout);
        KerberosTicket ticket = ticketGrantingTicket(fresh);
        if (previous == null) {
            LOG.info("Kerberos logon of {} {}: ticket valid until {}", ticket.getClient().getName(), source(),
                    ticket.getEndTime().toInstant());
        } else if (keytab != null) {
            LOG.info("Kerberos ticket of {} renewed {}: valid until {} (the previous one {} at {})",
                    ticket.getClient().getName(), source(), ticket.getEndTime().toInstant(),
                    previous.getEndTime().toInstant().isAfter(now) ? "expires" : "expired",
                    previous.getEndTime().toInstant());
        }
        subject = fresh;
        tgt = ticket;
        return subject;
    }

    /** The client principal's name without its realm: the database role it logs on as. */
    public synchronized String user() {
        String name = tgt != null ? tgt.getClient().getName() : principal;
        int at = name.lastIndexOf('@');
        return at < 0 ? name : name.substring(0, at);
    }

    private Subject logOn(Duration timeout) throws LoginException {
        checkFiles();
        if (keytab != null) {
            checkKeytab();
        }
        CompletableFuture<Subject> logon = CompletableFuture.supplyAsync(this::logOnNow, LOGONS);
        try {
            return logon.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            logon.cancel(true);
            throw failure("no answer from the KDC within " + Math.max(1, timeout.toSeconds()) + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionFailure wrapped ? wrapped.getCause() : e.getCause();
            String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            if (cause instanceof java.net.SocketTimeoutException || reason.endsWith("timed out")) {
                throw failure("no answer from the KDC (" + reason + ")");
            }
            if (keytab == null && reason.startsWith("Unable to obtain password")) {
                throw failure("no valid ticket in the cache (expired or empty?): run kinit");
            }
            throw failure(keytab != null && STALE_KEY.matcher(reason).find()
                    ? reason + " (the keytab's key is not the principal's current one: was the password changed?"
                            + " export the keytab again)"
                    : reason);
        }
    }

    /**
     * Looked at before each logon, since a file may have been replaced since start-up: the JDK's readers
     * would block on a FIFO (the logon thread then never ends, and a keytab read holds the JDK's lock on
     * every keytab) and read a huge file or /dev/zero whole. krb5.conf is the one the JDK will read: the
     * JVM-wide property, else the JDK's default. A missing file is left to the messages below and to the JDK's, as before.
     */
    private void checkFiles() throws LoginException {
        Optional<String> refusal = FileReading.refusalOfOptional(KerberosSettings.krb5ConfTheJdkReads(System::getProperty))
                .map(reason -> KerberosSettings.UNUSABLE_KRB5_CONF + reason);
        if (refusal.isEmpty()) {
            refusal = FileReading.refusalOfOptional(keytab != null ? keytab : ticketCache)
                    .map(reason -> keytab != null ? reason : KerberosSettings.UNUSABLE_TICKET_CACHE + reason);
        }
        if (refusal.isPresent()) {
            throw failure(refusal.get());
        }
    }

    /** The JDK's message for a keytab without the key is "Unable to obtain password from user". */
    private void checkKeytab() throws LoginException {
        if (!Files.isRegularFile(keytab) || !Files.isReadable(keytab)) {
            throw failure("cannot read the keytab file");
        }
        if (KeyTab.getInstance(keytab.toFile()).getKeys(new KerberosPrincipal(principal)).length == 0) {
            throw failure("the keytab holds no key for " + principal + " (wrong keytab?)");
        }
    }

    private Subject logOnNow() {
        try {
            LoginContext context = new LoginContext("client-activity-monitor", new Subject(),
                    callbacks -> {
                        throw new UnsupportedCallbackException(callbacks[0], "no prompts");
                    }, configuration());
            context.login();
            return context.getSubject();
        } catch (LoginException e) {
            throw new CompletionFailure(e);
        }
    }

    private Configuration configuration() {
        Map<String, String> options = keytab != null
                ? Map.of("useKeyTab", "true", "keyTab", keytab.toString(), "principal", principal,
                        "storeKey", "true", "doNotPrompt", "true", "isInitiator", "true",
                        // java.security.krb5.conf may have been set after the JDK first read its config
                        "refreshKrb5Config", "true")
                : Map.of("useTicketCache", "true", "ticketCache", ticketCache.toString(), "doNotPrompt", "true",
                        "isInitiator", "true", "refreshKrb5Config", "true");
        AppConfigurationEntry entry = new AppConfigurationEntry(MODULE,
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options);
        return new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[] {entry};
            }
        };
    }

    private static KerberosTicket ticketGrantingTicket(Subject subject) throws LoginException {
        return subject.getPrivateCredentials(KerberosTicket.class).stream()
                .filter(ticket -> ticket.getServer().getName().startsWith("krbtgt/"))
                .findFirst().orElseThrow(() -> new LoginException("the logon gave no ticket-granting ticket"));
    }

    private String source() {
        return keytab != null ? "from keytab " + keytab : "from ticket cache " + ticketCache;
    }

    private LoginException failure(String reason) {
        String who = keytab != null ? "of " + principal + " " : "";
        return new LoginException("Kerberos logon " + who + source() + " failed: " + reason);
    }

    /** Carries a checked LoginException out of the logon thread. */
    private static final class CompletionFailure extends RuntimeException {
        CompletionFailure(LoginException cause) {
            super(cause);
        }
    }
}
