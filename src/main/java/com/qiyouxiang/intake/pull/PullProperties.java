package com.qiyouxiang.intake.pull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The pulls (qyx.pull.*), each off until configured: the 公共数据平台 interface, the bureaus' mailbox, an SFTP folder.
 *
 * @param platform the platform interface (platformPull)
 * @param mail     the bureaus' mailbox (mailPull)
 */
@ConfigurationProperties("qyx.pull")
public record PullProperties(@NestedConfigurationProperty PlatformPullSettings platform,
                             @NestedConfigurationProperty MailPullSettings mail) {

    public PullProperties {
        platform = platform == null ? new PlatformPullSettings(false, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null) : platform;
        mail = mail == null ? MailPullSettings.OFF : mail;
    }
}
