import dev.narration.Narration;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** secret: constants that the built-in redaction rules would mask. None is a real credential. */
class Secret {
    private static final Logger log = LogManager.getLogger();
    static final String GITHUB_TOKEN = "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";
    static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abcDEF012-_xyz";

    void inMessages(final String user) {
        log.info("Pushed with " + GITHUB_TOKEN); // narration:secret
        log.info("Logged in with password=hunter2"); // narration:secret
        log.info("Calling with Authorization: Bearer " + JWT); // narration:secret
        log.info("Logged in with password={}", "hunter2"); // narration:secret
        log.info("Token {} issued to {}", JWT, user); // narration:secret
        log.debug("Connecting to postgres://app:s3cr3t@db.internal:5432/jobs"); // narration:secret
    }

    void inArgumentsOfMessagesKnownOnlyAtRunTime(final String pattern) {
        log.info(pattern, GITHUB_TOKEN); // narration:secret
        log.info(pattern, "fine", JWT); // narration:secret
    }

    void inNarrations(final String job) {
        log.info(Narration.action("push").target(GITHUB_TOKEN).human("Pushed")); // narration:secret
        log.info(Narration.action("login").human("Logged in with password=hunter2")); // narration:secret
        log.info(Narration.action("login").human("Logged in").field("password", "hunter2")); // narration:secret
        log.info(Narration.action("login").human("Logged in").field("note", "token=" + JWT)); // narration:secret
        log.info(Narration.action("login").human("Logged in").cute("Here is " + GITHUB_TOKEN)); // narration:secret
    }

    void clean(final String password, final String token) {
        log.info("Logged in with password={}", password); // the value is a run-time matter: the engine masks it then
        log.info("Password policy updated for {}", "alice");
        log.info("The token was refreshed");
        log.info("Using the password from ${DB_PASSWORD}");
        log.info(Narration.action("login").human("Logged in").field("password", password));
        log.info(Narration.action("login").human("Logged in").field("password", ""));
        log.info(Narration.action("count").human("Counted tokens").field("tokens_in", "42"));
    }
}
