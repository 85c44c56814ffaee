package dev.narration.internal.redact;

import java.util.ArrayList;
import java.util.List;

/**
 * The built-in detections. Each has the name shown in the mask ({@code [REDACTED:github-token]}), used in the
 * counters and in the {@code disable}/{@code enable} attributes. The ordinal is the rule's index in the counters;
 * user rules follow the built-ins.
 */
public enum BuiltInRule {
    AWS_ACCESS_KEY_ID("aws-access-key-id"),
    AWS_SECRET_KEY("aws-secret-key"),
    GITHUB_TOKEN("github-token"),
    GITLAB_TOKEN("gitlab-token"),
    SLACK_TOKEN("slack-token"),
    SLACK_WEBHOOK("slack-webhook"),
    STRIPE_KEY("stripe-key"),
    GOOGLE_API_KEY("google-api-key"),
    OPENAI_KEY("openai-key"),
    ANTHROPIC_KEY("anthropic-key"),
    TWILIO_API_KEY("twilio-api-key"),
    SENDGRID_KEY("sendgrid-key"),
    NPM_TOKEN("npm-token"),
    PYPI_TOKEN("pypi-token"),
    HUGGINGFACE_TOKEN("huggingface-token"),
    VAULT_TOKEN("vault-token"),
    JWT("jwt"),
    AZURE_AD_CLIENT_SECRET("azure-ad-client-secret"),
    ALIBABA_ACCESS_KEY_ID("alibaba-access-key-id"),
    TENCENT_SECRET_ID("tencent-secret-id"),
    DIGITALOCEAN_TOKEN("digitalocean-token"),
    HEROKU_API_KEY("heroku-api-key"),
    CLOUDFLARE_ORIGIN_CA_KEY("cloudflare-origin-ca-key"),
    DATABRICKS_TOKEN("databricks-token"),
    DOPPLER_TOKEN("doppler-token"),
    TERRAFORM_CLOUD_TOKEN("terraform-cloud-token"),
    AGE_SECRET_KEY("age-secret-key"),
    ONEPASSWORD_SECRET("1password-secret"),
    SENTRY_TOKEN("sentry-token"),
    GRAFANA_TOKEN("grafana-token"),
    SHOPIFY_TOKEN("shopify-token"),
    TELEGRAM_BOT_TOKEN("telegram-bot-token"),
    DISCORD_WEBHOOK("discord-webhook"),
    MAILGUN_KEY("mailgun-key"),
    POSTMAN_API_KEY("postman-api-key"),
    LINEAR_API_KEY("linear-api-key"),
    JFROG_TOKEN("jfrog-token"),
    SOURCEGRAPH_TOKEN("sourcegraph-token"),
    NOTION_TOKEN("notion-token"),
    OKTA_API_TOKEN("okta-api-token"),
    NEW_RELIC_KEY("new-relic-key"),
    ADOBE_CLIENT_SECRET("adobe-client-secret"),
    ATLASSIAN_API_TOKEN("atlassian-api-token"),
    BITBUCKET_APP_PASSWORD("bitbucket-app-password"),
    BUILDKITE_TOKEN("buildkite-token"),
    CIRCLECI_TOKEN("circleci-token"),
    CLOJARS_TOKEN("clojars-token"),
    CONTENTFUL_TOKEN("contentful-token"),
    DEFINED_NETWORKING_KEY("defined-networking-key"),
    DROPBOX_TOKEN("dropbox-token"),
    DUFFEL_TOKEN("duffel-token"),
    DYNATRACE_TOKEN("dynatrace-token"),
    EASYPOST_KEY("easypost-key"),
    FLUTTERWAVE_KEY("flutterwave-key"),
    FRAMEIO_TOKEN("frameio-token"),
    FLYIO_TOKEN("flyio-token"),
    HARNESS_TOKEN("harness-token"),
    INFRACOST_KEY("infracost-key"),
    NETLIFY_TOKEN("netlify-token"),
    OCTOPUS_API_KEY("octopus-api-key"),
    OPENSHIFT_TOKEN("openshift-token"),
    PLANETSCALE_TOKEN("planetscale-token"),
    PREFECT_KEY("prefect-key"),
    PULUMI_TOKEN("pulumi-token"),
    README_KEY("readme-key"),
    RUBYGEMS_KEY("rubygems-key"),
    SCALINGO_TOKEN("scalingo-token"),
    BREVO_KEY("brevo-key"),
    SHIPPO_TOKEN("shippo-token"),
    SQUARE_TOKEN("square-token"),
    TYPEFORM_TOKEN("typeform-token"),
    YANDEX_API_KEY("yandex-api-key"),
    GROQ_KEY("groq-key"),
    PERPLEXITY_KEY("perplexity-key"),
    XAI_KEY("xai-key"),
    REPLICATE_TOKEN("replicate-token"),
    GOOGLE_OAUTH("google-oauth"),
    SUPABASE_KEY("supabase-key"),
    RENDER_KEY("render-key"),
    MAPBOX_TOKEN("mapbox-token"),
    PLAID_TOKEN("plaid-token"),
    DOCKER_TOKEN("docker-token"),
    SONAR_TOKEN("sonar-token"),
    FIGMA_TOKEN("figma-token"),
    PINECONE_KEY("pinecone-key"),
    LANGSMITH_KEY("langsmith-key"),
    TAVILY_KEY("tavily-key"),
    FIRECRAWL_KEY("firecrawl-key"),
    HUBSPOT_TOKEN("hubspot-token"),
    POSTHOG_KEY("posthog-key"),
    ROOTLY_KEY("rootly-key"),
    NUGET_KEY("nuget-key"),
    CRATES_TOKEN("crates-token"),
    AKAMAI_TOKEN("akamai-token"),
    ADAFRUIT_KEY("adafruit-key"),
    KUBERNETES_SECRET("kubernetes-secret"),
    PRIVATE_KEY("private-key"),
    AZURE_STORAGE_KEY("azure-storage-key"),
    AZURE_SAS_SIGNATURE("azure-sas-signature"),
    URL_CREDENTIALS("url-credentials"),
    AUTHORIZATION("authorization"),
    COOKIE("cookie"),
    SESSION_ID("session-id"),
    PASSWORD("password"),
    SECRET("secret"),
    TOKEN("token"),
    API_KEY("api-key"),
    CREDENTIAL("credential"),
    /** A context or field key named in {@code sensitiveKeys}. */
    SENSITIVE_KEY("sensitive-key"),
    EMAIL("email", true),
    CARD_NUMBER("card-number", true),
    /** The fail-safe: the part of a field beyond {@code maxScanLength}. */
    SCAN_LIMIT("scan-limit"),
    /** The fail-safe: redaction itself failed, so the event's text was replaced. */
    REDACTION_ERROR("redaction-error");

    static final BuiltInRule[] ALL = values();

    final String ruleName;
    private final boolean optional;

    BuiltInRule(final String ruleName) {
        this(ruleName, false);
    }

    BuiltInRule(final String ruleName, final boolean optional) {
        this.ruleName = ruleName;
        this.optional = optional;
    }

    /** Off unless named in {@code enable}: rules whose matches are personal data rather than credentials. */
    public boolean optional() {
        return optional;
    }

    /** Fail-safe rules cannot be disabled: they are what keeps a secret out when detection cannot run. */
    public boolean failSafe() {
        return this == SCAN_LIMIT || this == REDACTION_ERROR;
    }

    /** Which rules are on when the configuration names none in {@code enable} or {@code disable}, by ordinal. */
    public static boolean[] enabledByDefault() {
        final boolean[] enabled = new boolean[ALL.length];
        for (final BuiltInRule rule : ALL) {
            enabled[rule.ordinal()] = !rule.optional;
        }
        return enabled;
    }

    /** The rule of this name, as the {@code enable} and {@code disable} attributes spell it, or {@code null}. */
    public static BuiltInRule named(final String name) {
        for (final BuiltInRule rule : ALL) {
            if (rule.ruleName.equals(name)) {
                return rule;
            }
        }
        return null;
    }

    /** Every rule's name, in counter order. */
    public static List<String> names() {
        final List<String> names = new ArrayList<>(ALL.length);
        for (final BuiltInRule rule : ALL) {
            names.add(rule.ruleName);
        }
        return names;
    }
}
