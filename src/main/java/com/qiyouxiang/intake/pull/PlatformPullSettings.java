package com.qiyouxiang.intake.pull;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.util.unit.DataSize;

/**
 * The 公共数据平台 interface (qyx.pull.platform.*). The datasets themselves (endpoint, paging, field names, the export
 * columns they become) are files beside the platform mappings: jobs/sources/platform/pull/*.yml ({@link PullDataset}).
 *
 * @param enabled         whether the nightly run starts with platformPull (off until configured)
 * @param baseUrl         the interface's address, e.g. https://irs.example.gov.cn/gateway (https: verified with qyx.tls.*)
 * @param tokenPath       the token request's path under base-url (POST, JSON: appKey, timestamp, nonce, sign)
 * @param tokenField      where the access token is in the token response (dotted path)
 * @param expiresField    where its lifetime in seconds is (dotted path); the token is reused until then
 * @param tokenHeader     the request header that carries the token on every query
 * @param tokenPrefix     what goes before the token in that header ("Bearer "; blank for the bare token)
 * @param appKey          the application's key (QYX_PULL_PLATFORM_APPKEY)
 * @param appSecret       the application's secret (QYX_PULL_PLATFORM_APPSECRET): from the environment only
 * @param appSecretFile   or a file holding it, readable by the service account alone (mode 600)
 * @param datasetsDir     where the dataset files (*.yml) are (beside the platform mappings)
 * @param inboxDir        where the fetched exports land (the platform ingest's inbox)
 * @param fromPeriod      the first reporting period queried; every quarter from it through the current one
 * @param timeout         one request's time limit (connect and answer)
 * @param attempts        tries of one request on a timeout or a 5xx answer before the step fails
 * @param backoff         the wait before the second try; doubled before each further one
 * @param maxDownloadSize the largest file one period may become; more fails the step and lands nothing
 */
public record PlatformPullSettings(boolean enabled, String baseUrl, String tokenPath, String tokenField, String expiresField,
                                   String tokenHeader, String tokenPrefix, String appKey, String appSecret, Path appSecretFile,
                                   Path datasetsDir, Path inboxDir, String fromPeriod, Duration timeout, Integer attempts,
                                   Duration backoff, DataSize maxDownloadSize) {

    public PlatformPullSettings {
        tokenPath = tokenPath == null ? "/auth/token" : tokenPath;
        tokenField = tokenField == null ? "data.accessToken" : tokenField;
        expiresField = expiresField == null ? "data.expiresIn" : expiresField;
        tokenHeader = tokenHeader == null ? "Authorization" : tokenHeader;
        tokenPrefix = tokenPrefix == null ? "Bearer " : tokenPrefix;
        datasetsDir = datasetsDir == null ? Path.of("jobs/sources/platform/pull") : datasetsDir;
        inboxDir = inboxDir == null ? Path.of("samples/inbox") : inboxDir;
        fromPeriod = fromPeriod == null ? "2023Q1" : fromPeriod;
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
        attempts = attempts == null || attempts < 1 ? 4 : attempts;
        backoff = backoff == null ? Duration.ofSeconds(2) : backoff;
        maxDownloadSize = maxDownloadSize == null ? DataSize.ofMegabytes(512) : maxDownloadSize;
    }

    /** The app secret: QYX_PULL_PLATFORM_APPSECRET or the owner-only file. */
    public String secret() {
        return Secrets.read("qyx.pull.platform.app-secret", appSecret, appSecretFile);
    }
}
