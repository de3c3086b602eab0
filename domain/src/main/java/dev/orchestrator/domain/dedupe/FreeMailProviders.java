package dev.orchestrator.domain.dedupe;

import java.util.Set;

/**
 * Mailbox providers whose domain says nothing about the employer: a lead at gmail.com is not the account
 * gmail.com. Compared by domain label, so yahoo.com and yahoo.co.uk both count.
 */
public final class FreeMailProviders {
    private static final Set<String> LABELS = Set.of(
            "gmail", "googlemail", "yahoo", "ymail", "rocketmail", "hotmail", "outlook", "live", "msn",
            "passport", "aol", "aim", "icloud", "me", "mac", "protonmail", "proton", "pm", "tutanota", "gmx",
            "web", "mail", "email", "inbox", "zoho", "yandex", "ya", "rambler", "qq", "163", "126", "sina",
            "sohu", "yeah", "naver", "daum", "hanmail", "nate", "kakao", "bigpond", "optusnet", "iinet",
            "tpg", "internode", "westnet", "ozemail", "prodigy", "terra", "uol", "bol", "orange", "wanadoo",
            "free", "laposte", "sfr", "libero", "virgilio", "tiscali", "btinternet", "sky", "talktalk",
            "virginmedia", "ntlworld", "blueyonder", "comcast", "verizon", "att", "sbcglobal", "bellsouth",
            "cox", "charter", "earthlink", "juno", "netzero", "shaw", "rogers", "sympatico", "telus", "t-online",
            "freenet", "arcor", "seznam", "wp", "o2", "interia", "onet", "rediffmail", "fastmail", "hushmail",
            "lycos", "excite", "cableone", "frontier", "windstream", "optonline", "roadrunner", "rr", "mindspring",
            "xtra", "telstra", "infinitummail", "empas", "dreamwiz", "paran", "mailinator", "guerrillamail",
            "yopmail", "tempmail");

    private FreeMailProviders() {
    }

    public static boolean isFreeMail(DomainKey key) {
        return LABELS.contains(key.label()) || key.registrable().equals("prodigy.net.mx");
    }
}
