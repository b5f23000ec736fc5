package com.example.monitor.config;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RedactionTest {

    @Test
    void replacesEveryOccurrenceOfEachSecret() {
        assertEquals("login ****** failed, ****** again, token ******",
                Redaction.scrub("login s3cret failed, s3cret again, token abc123", List.of("s3cret", "abc123")));
    }

    @Test
    void masksTheLongerOfOverlappingSecretsWhole() {
        assertEquals("pw=******", Redaction.scrub("pw=tigertiger", List.of("tiger", "tigertiger")));
    }

    @Test
    void ignoresEmptyAndNullSecrets() {
        assertEquals("nothing secret", Redaction.scrub("nothing secret", Arrays.asList("", null)));
    }

    @Test
    void masksUrlEncodedFormOfASecret() {
        assertEquals("jdbc:x://h/db?token=******",
                Redaction.scrub("jdbc:x://h/db?token=p%40ss+word", List.of("p@ss word")));
    }

    @Test
    void masksPasswordInOracleThinUrl() {
        assertEquals("ORA-01017: invalid username/password; url=jdbc:oracle:thin:scott/******@//db.example.com:1521/SVC",
                Redaction.scrub("ORA-01017: invalid username/password; url=jdbc:oracle:thin:scott/tiger@//db.example.com:1521/SVC",
                        List.of()));
    }

    @Test
    void masksQuotedPasswordInOracleThinUrl() {
        assertEquals("jdbc:oracle:thin:scott/******@//h:1521/s",
                Redaction.scrub("jdbc:oracle:thin:scott/\"ti ger\"@//h:1521/s", List.of()));
    }

    @Test
    void leavesOracleUrlWithoutCredentialsUnchanged() {
        String url = "jdbc:oracle:thin:@//clientdb.example.com:1521/CLIENTS";
        assertEquals(url, Redaction.scrub(url, List.of()));
    }

    @Test
    void masksPasswordQueryParameters() {
        assertEquals("Connection to jdbc:postgresql://h/db?user=u&password=******&ssl=true refused",
                Redaction.scrub("Connection to jdbc:postgresql://h/db?user=u&password=p&ssl=true refused", List.of()));
        assertEquals("jdbc:sqlserver://h;user=u;password=******;encrypt=true",
                Redaction.scrub("jdbc:sqlserver://h;user=u;password=p4ss;encrypt=true", List.of()));
        assertEquals("jdbc:postgresql://h/db?sslpassword=******",
                Redaction.scrub("jdbc:postgresql://h/db?sslpassword=k3y", List.of()));
    }

    @Test
    void masksPasswordInUrlUserInfo() {
        assertEquals("jdbc:mysql://app:******@db:3306/x", Redaction.scrub("jdbc:mysql://app:hunter2@db:3306/x", List.of()));
    }

    @Test
    void returnsNullForNullText() {
        assertNull(Redaction.scrub(null, List.of("x")));
    }

    @Test
    void shortSecretIsMaskedWhereItStandsAloneButNotInsideWords() {
        String message = "file does not exist; password=x; user/x@host";

        assertEquals("file does not exist; password=******; user/******@host",
                Redaction.scrub(message, List.of("x")));
    }

    @Test
    void longSecretIsMaskedEvenInsideOtherText() {
        assertEquals("token******tail", Redaction.scrub("tokenS3cretPassw0rdtail", List.of("S3cretPassw0rd")));
    }
}
