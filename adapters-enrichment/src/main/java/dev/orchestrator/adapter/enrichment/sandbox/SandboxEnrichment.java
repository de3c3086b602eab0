package dev.orchestrator.adapter.enrichment.sandbox;

import dev.orchestrator.application.port.out.enrichment.EnrichmentProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The sandbox enrichment adapter's public entry: the offline provider, and the company list itself for the
 * sandbox seed and dedupe tests.
 */
public final class SandboxEnrichment {
    public static final String NAME = SandboxEnrichmentProvider.NAME;
    static final String RESOURCE = "/sandbox/firmographics.csv";

    private SandboxEnrichment() {
    }

    public static EnrichmentProvider create() {
        return new SandboxEnrichmentProvider(companies());
    }

    /**
     * Every sandbox company: the shipped file's rows in file order, then the generator's continuation (same seed)
     * up to {@link SandboxFirmographicsGenerator#TOTAL}, so the seed and enrichment know the same 5,000 companies.
     */
    public static List<SandboxCompany> companies() {
        return Holder.COMPANIES;
    }

    /** The shipped file's rows only. */
    static List<SandboxCompany> shippedCompanies() {
        return SandboxCsv.read(shippedFile());
    }

    /** Built once, on first use: the file is immutable and the continuation is deterministic. */
    private static final class Holder {
        static final List<SandboxCompany> COMPANIES = all();

        private static List<SandboxCompany> all() {
            List<SandboxCompany> all = new java.util.ArrayList<>(SandboxFirmographicsGenerator.TOTAL);
            all.addAll(shippedCompanies());
            all.addAll(SandboxFirmographicsGenerator.extension());
            return List.copyOf(all);
        }
    }

    static String shippedFile() {
        try (InputStream in = SandboxEnrichment.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("sandbox firmographics file " + RESOURCE + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
