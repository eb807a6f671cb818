package com.qiyouxiang.validation;

/** The tiers of Chinese statistical review (联网直报): what a failed check means for the figure. */
public enum Tier {
    /** 强制性: the figure is wrong; it is rejected and must be fixed. */
    MANDATORY("强制性"),
    /** 核实性: the figure looks wrong; it loads as 待核实 and may stand with a 情况说明. */
    VERIFY("核实性"),
    /** 提示性: worth a look; recorded and reported only. */
    HINT("提示性");

    private final String zh;

    Tier(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    /** The tier written in Chinese (强制性 / 核实性 / 提示性) or as the enum name. */
    public static Tier parse(String text) {
        for (Tier t : values()) {
            if (t.zh.equals(text) || t.name().equalsIgnoreCase(text)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown tier '" + text + "' (强制性 / 核实性 / 提示性)");
    }
}
