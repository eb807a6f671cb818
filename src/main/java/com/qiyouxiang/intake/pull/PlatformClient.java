package com.qiyouxiang.intake.pull;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform interface over HTTPS: an access token from the app key and secret (the request signed with
 * HMAC-SHA256 over key + timestamp + nonce), reused until it expires and fetched again then, or when a query is
 * answered 401; GET queries with that token, tried again with a doubling wait on a timeout or a 5xx answer. A 401
 * with a fresh token, a 403, another 4xx, or an answer that is not JSON refuses the pull
 * ({@link PullRefusedException}, in Chinese). The secret is never logged or sent: only the signature is.
 */
final class PlatformClient {

    private static final Logger log = LoggerFactory.getLogger(PlatformClient.class);
    static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** A successful answer whose body is streamed to the caller. */
    interface BodyReader<T> {
        T read(HttpResponse<InputStream> response) throws IOException;
    }

    private final PlatformPullSettings settings;
    private final String secret;
    private final HttpClient http;
    private final Clock clock;
    private String token;
    private Instant tokenExpires = Instant.MIN;
    private int tokensFetched;
    private int retries;

    PlatformClient(PlatformPullSettings settings, SSLContext ssl, Clock clock) {
        this.settings = settings;
        this.secret = settings.secret();
        if (settings.baseUrl() == null || settings.baseUrl().isBlank()) {
            throw new IllegalStateException("qyx.pull.platform.enabled is true but qyx.pull.platform.base-url is not set");
        }
        if (settings.appKey() == null || settings.appKey().isBlank() || secret == null) {
            throw new IllegalStateException("The platform pull needs its app key and secret: set QYX_PULL_PLATFORM_APPKEY and "
                    + "QYX_PULL_PLATFORM_APPSECRET (or qyx.pull.platform.app-secret-file, mode 600)");
        }
        this.http = HttpClient.newBuilder().sslContext(ssl).connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.clock = clock;
    }

    int tokensFetched() {
        return tokensFetched;
    }

    int retries() {
        return retries;
    }

    /** A JSON query. */
    JsonNode getJson(String what, String path, Map<String, String> query) throws IOException, InterruptedException {
        return get(what, path, query, Map.of(), r -> {
            try (InputStream in = r.body()) {
                return JSON.readTree(in);
            } catch (JacksonException e) {
                throw new PullRefusedException("数据平台接口返回的内容不是 JSON（" + what + "）：接口可能已变更，请联系平台核对接口说明", e);
            }
        });
    }

    /** A query whose answer the reader streams (a file download); extra headers such as If-None-Match. */
    <T> T get(String what, String path, Map<String, String> query, Map<String, String> headers, BodyReader<T> reader)
            throws IOException, InterruptedException {
        boolean freshToken = false;
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path, query)).timeout(settings.timeout()).GET()
                    .header(settings.tokenHeader(), settings.tokenPrefix() + token());
            headers.forEach(request::header);
            HttpResponse<InputStream> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                refuseUntrusted(e);
                if (attempt >= settings.attempts()) {
                    throw new IOException("The platform did not answer " + what + " after " + attempt + " tries: " + e, e);
                }
                pause(attempt, what, e.toString());
                continue;
            }
            int status = response.statusCode();
            if (status == 401 && !freshToken) { // expired before its time, or revoked: one new token, then refuse
                response.body().close();
                token = null;
                freshToken = true;
                attempt--;
                continue;
            }
            if (status >= 500 || status == 429) {
                response.body().close();
                if (attempt >= settings.attempts()) {
                    throw new IOException("The platform answered " + status + " to " + what + " " + attempt + " times");
                }
                pause(attempt, what, "HTTP " + status);
                continue;
            }
            if (status == 401 || status == 403) {
                response.body().close();
                throw new PullRefusedException("数据平台拒绝访问（" + status + "，" + what + "）："
                        + (status == 401 ? "应用密钥已失效或有误，请核对 QYX_PULL_PLATFORM_APPKEY 和 QYX_PULL_PLATFORM_APPSECRET"
                        : "本应用没有该数据集的权限，请向数据平台申请"));
            }
            if (status >= 400 || (status >= 300 && status != 304)) {
                response.body().close();
                throw new PullRefusedException("数据平台接口答复 " + status + "（" + what + "）：接口地址或参数可能已变更，请核对配置");
            }
            return reader.read(response);
        }
    }

    private void pause(int attempt, String what, String why) throws InterruptedException {
        long wait = settings.backoff().toMillis() << (attempt - 1);
        retries++;
        log.warn("Platform {}: {}; trying again in {} ms (try {} of {})", what, why, wait, attempt + 1, settings.attempts());
        Thread.sleep(wait);
    }

    /** jobs/run doctor: asks for a token (the address, the certificate, the app key and secret), nothing else. */
    static String probe(PlatformPullSettings settings, SSLContext ssl, Clock clock) throws IOException, InterruptedException {
        PlatformClient client = new PlatformClient(settings, ssl, clock);
        client.token();
        return "数据平台 " + settings.baseUrl() + " 连接正常，已发放访问令牌（应用 " + settings.appKey() + "）";
    }

    /** An untrusted certificate is refused at once, in Chinese: no retry makes it trusted. */
    private void refuseUntrusted(IOException e) {
        PullRefusedException refusal = TrustStores.untrusted(e, "数据平台（" + settings.baseUrl() + "）");
        if (refusal != null) {
            throw refusal;
        }
    }

    /** The cached token, or a new one when there is none or it has expired (30 s early). */
    private String token() throws IOException, InterruptedException {
        if (token != null && clock.instant().isBefore(tokenExpires)) {
            return token;
        }
        String timestamp = String.valueOf(clock.millis());
        String nonce = UUID.randomUUID().toString().replace("-", "");
        Map<String, String> body = new LinkedHashMap<>();
        body.put("appKey", settings.appKey());
        body.put("timestamp", timestamp);
        body.put("nonce", nonce);
        body.put("sign", sign(secret, settings.appKey() + timestamp + nonce));
        HttpRequest request = HttpRequest.newBuilder(uri(settings.tokenPath(), Map.of())).timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)).build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                refuseUntrusted(e);
                if (attempt >= settings.attempts()) {
                    throw new IOException("The platform's token service did not answer after " + attempt + " tries: " + e, e);
                }
                pause(attempt, "token", e.toString());
                continue;
            }
            int status = response.statusCode();
            if ((status >= 500 || status == 429) && attempt < settings.attempts()) {
                pause(attempt, "token", "HTTP " + status);
                continue;
            }
            if (status != 200) {
                throw new PullRefusedException("数据平台未发放访问令牌（" + status + "）："
                        + (status == 401 || status == 403 ? "应用密钥有误或已停用，请核对 QYX_PULL_PLATFORM_APPKEY 和 QYX_PULL_PLATFORM_APPSECRET"
                        : "请稍后再运行，或联系数据平台"));
            }
            JsonNode answer;
            try {
                answer = JSON.readTree(response.body());
            } catch (JacksonException e) {
                throw new PullRefusedException("数据平台令牌接口返回的内容不是 JSON：接口可能已变更，请核对配置", e);
            }
            JsonNode value = JsonPaths.at(answer, settings.tokenField());
            if (value.isMissingNode() || value.isNull() || value.asString().isBlank()) {
                throw new PullRefusedException("数据平台令牌答复中没有访问令牌（应在 " + settings.tokenField()
                        + "）：接口可能已变更，或密钥被拒绝（答复：" + JsonPaths.brief(answer) + "）");
            }
            JsonNode expires = JsonPaths.at(answer, settings.expiresField());
            long seconds = expires.isNumber() ? expires.asLong() : expires.isString() ? Long.parseLong(expires.asString().trim()) : 0;
            token = value.asString();
            tokenExpires = clock.instant().plusSeconds(seconds - 30);
            tokensFetched++;
            log.info("Platform token obtained (app key {}, secret {}), valid {} s", settings.appKey(), Secrets.fingerprint(secret), seconds);
            return token;
        }
    }

    /** HMAC-SHA256 of the text with the secret, hex. */
    static String sign(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path, Map<String, String> query) {
        String base = settings.baseUrl().endsWith("/") ? settings.baseUrl().substring(0, settings.baseUrl().length() - 1)
                : settings.baseUrl();
        String q = query.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return URI.create(base + (path.startsWith("/") ? path : "/" + path) + (q.isEmpty() ? "" : "?" + q));
    }
}
