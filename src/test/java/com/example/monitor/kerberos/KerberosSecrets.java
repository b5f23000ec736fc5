package com.example.monitor.kerberos;

import com.example.monitor.testing.KerberosRealm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.kerberos.KerberosKey;
import javax.security.auth.kerberos.KerberosPrincipal;
import javax.security.auth.kerberos.KerberosTicket;
import javax.security.auth.kerberos.KeyTab;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;

/**
 * The secret bytes of a realm's client, in every form a leak could take (raw, hex, base64): the password,
 * the keys in its keytabs and the keytab files, and the ticket and session key in its ticket cache.
 */
final class KerberosSecrets {

    private KerberosSecrets() {
    }

    static List<String> of(KerberosRealm realm, Path ticketCache) throws Exception {
        List<byte[]> secrets = new ArrayList<>();
        secrets.add(KerberosRealm.CLIENT_PASSWORD.getBytes(StandardCharsets.UTF_8));
        Map<String, String> keytabs = Map.of("monitor", KerberosRealm.CLIENT, "rotated", KerberosRealm.ROTATED,
                "other", KerberosRealm.OTHER, "silent", KerberosRealm.SILENT_CLIENT);
        for (Map.Entry<String, String> keytab : keytabs.entrySet()) {
            Path file = realm.keytab(keytab.getKey());
            secrets.add(Arrays.copyOfRange(Files.readAllBytes(file), 0, 64));
            for (KerberosKey key : KeyTab.getInstance(file.toFile()).getKeys(new KerberosPrincipal(keytab.getValue()))) {
                secrets.add(key.getEncoded());
            }
        }
        KerberosTicket ticket = ticketIn(ticketCache);
        secrets.add(ticket.getEncoded());
        secrets.add(ticket.getSessionKey().getEncoded());
        List<String> forms = new ArrayList<>();
        for (byte[] secret : secrets) {
            forms.add(HexFormat.of().formatHex(secret));
            forms.add(HexFormat.of().withUpperCase().formatHex(secret));
            forms.add(Base64.getEncoder().encodeToString(secret));
            forms.add(new String(secret, StandardCharsets.ISO_8859_1));
        }
        return forms;
    }

    private static KerberosTicket ticketIn(Path cache) throws Exception {
        AppConfigurationEntry entry = new AppConfigurationEntry("com.sun.security.auth.module.Krb5LoginModule",
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                Map.of("useTicketCache", "true", "ticketCache", cache.toString(), "doNotPrompt", "true"));
        LoginContext login = new LoginContext("secrets", new Subject(), null, new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[] {entry};
            }
        });
        login.login();
        return login.getSubject().getPrivateCredentials(KerberosTicket.class).iterator().next();
    }
}
