package dev.orchestrator.e2e.bench;

/**
 * A company of the end-to-end benchmark: name and domain spelled from its number, so that any two are far more
 * than a typo apart (company dedupe sees distinct companies, not look-alikes to review).
 */
record BenchCompany(String name, String domain) {
    private static final String[] KINDS = {"Systems", "Labs", "Group", "Software"};

    static BenchCompany of(int number) {
        // A multiplicative hash spreads neighbouring numbers over the whole 32-bit range, then each hex digit
        // becomes a letter (a–p).
        String hex = String.format("%08x", number * 0x9E3779B1);
        StringBuilder word = new StringBuilder();
        for (char c : hex.toCharArray()) {
            word.append((char) ('a' + Character.digit(c, 16)));
        }
        String capitalised = Character.toUpperCase(word.charAt(0)) + word.substring(1);
        return new BenchCompany(capitalised + " " + KINDS[Math.floorMod(number, KINDS.length)], word + ".com");
    }
}
