package dev.orchestrator.adapter.enrichment.sandbox;

import dev.orchestrator.application.port.out.enrichment.Headquarters;
import dev.orchestrator.application.port.out.enrichment.RegistrableDomain;
import dev.orchestrator.domain.crm.FundingStage;
import dev.orchestrator.domain.crm.Industry;
import dev.orchestrator.domain.crm.RevenueRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Generates the shipped sandbox firmographics file. {@link Random} with a fixed seed is specified to give the same
 * sequence on every JVM, so the file is reproducible and a test checks the shipped copy against this code.
 * Regenerate with {@code main} (argument: the output path) after changing anything here.
 */
public final class SandboxFirmographicsGenerator {
    public static final long SEED = 20_261_126L;
    public static final int COUNT = 2_500;
    /**
     * How many companies the sandbox knows in all: the shipped file's {@link #COUNT}, then the same generator run
     * on (same seed, so the first {@code COUNT} are the file's rows) up to this many. The rest is computed at
     * start-up rather than shipped, so the repository carries a reviewed sample, not a giant file.
     */
    public static final int TOTAL = 5_000;
    static final String RESOURCE_PATH = "adapters-enrichment/src/main/resources/sandbox/firmographics.csv";

    /** A country the generated companies are headquartered in, with the naming habits of its companies. */
    private record Country(String code, int weight, List<String> legalForms, List<String> surnames,
            List<String> cities, List<String> regions, String tld) {
    }

    private static final List<String> ANGLO = List.of("Anderson", "Brooks", "Carter", "Harper", "Whitman",
            "Sullivan", "Hayes", "Fletcher", "Morgan", "Reed", "Bennett", "Coleman", "Hughes", "Mitchell", "Porter",
            "Walsh", "O'Brien", "Kelly", "Doyle", "Murphy", "Thornton", "Ellison", "Grant", "Palmer", "Lawson");

    private static final List<Country> COUNTRIES = List.of(
            new Country("US", 40, List.of("Inc.", "LLC", "Corp.", "Co."), ANGLO,
                    List.of("Boston", "Austin", "Denver", "Chicago", "Portland", "Atlanta", "Seattle", "Phoenix"),
                    List.of("CA", "CA", "CA", "NY", "NY", "TX", "TX", "MA", "WA", "IL", "FL", "GA", "CO", "NC", "PA",
                            "NJ", "VA", "OH", "MN", "OR", "UT", "AZ", "MI", "TN"), "com"),
            new Country("GB", 12, List.of("Ltd", "Ltd", "PLC", "LLP"), ANGLO,
                    List.of("London", "Manchester", "Bristol", "Leeds", "Edinburgh", "Cambridge", "Oxford"),
                    List.of("ENG", "ENG", "ENG", "ENG", "SCT", "WLS", "NIR"), "co.uk"),
            new Country("DE", 10, List.of("GmbH", "GmbH", "AG", "GmbH & Co. KG", "SE"),
                    List.of("Müller", "Schmidt", "Becker", "Hoffmann", "Wagner", "Keller", "Richter", "Vogel",
                            "Krause", "Brandt", "Fischer", "Weber", "Schäfer", "Neumann"),
                    List.of("Berlin", "München", "Hamburg", "Köln", "Stuttgart", "Leipzig", "Dresden"),
                    List.of("BY", "BE", "HH", "HE", "BW", "NW", "NI", "SN"), "de"),
            new Country("FR", 7, List.of("SAS", "SA", "SARL"),
                    List.of("Dubois", "Laurent", "Moreau", "Lefèvre", "Girard", "Fontaine", "Mercier", "Bonnet",
                            "Rousseau", "Chevalier"),
                    List.of("Paris", "Lyon", "Marseille", "Toulouse", "Nantes", "Lille", "Bordeaux"), List.of(),
                    "fr"),
            new Country("CA", 6, List.of("Inc.", "Ltd.", "Corp."), ANGLO,
                    List.of("Toronto", "Vancouver", "Montreal", "Calgary", "Ottawa", "Halifax"),
                    List.of("ON", "ON", "QC", "BC", "AB", "MB", "NS"), "ca"),
            new Country("NL", 4, List.of("B.V.", "B.V.", "N.V."),
                    List.of("de Vries", "Jansen", "Bakker", "Visser", "van Dijk", "Smit", "Mulder", "de Boer"),
                    List.of("Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "Delft"), List.of(), "nl"),
            new Country("AU", 4, List.of("Pty Ltd", "Pty Ltd", "Ltd"), ANGLO,
                    List.of("Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide"),
                    List.of("NSW", "NSW", "VIC", "VIC", "QLD", "WA", "SA"), "com.au"),
            new Country("ES", 3, List.of("S.L.", "S.A."),
                    List.of("García", "Fernández", "López", "Martín", "Navarro", "Ortega", "Castillo"),
                    List.of("Madrid", "Barcelona", "Valencia", "Sevilla", "Bilbao"), List.of(), "es"),
            new Country("IT", 3, List.of("S.p.A.", "S.r.l.", "S.r.l."),
                    List.of("Rossi", "Bianchi", "Ferrari", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Conti"),
                    List.of("Milano", "Torino", "Bologna", "Firenze", "Roma", "Verona"), List.of(), "it"),
            new Country("SE", 3, List.of("AB"),
                    List.of("Lindqvist", "Andersson", "Berg", "Nyström", "Eklund", "Sandberg", "Holm"),
                    List.of("Stockholm", "Göteborg", "Malmö", "Uppsala"), List.of(), "se"),
            new Country("CH", 2, List.of("AG", "SA", "GmbH"),
                    List.of("Meier", "Baumann", "Frei", "Gerber", "Moser", "Zimmermann"),
                    List.of("Zürich", "Basel", "Genève", "Lausanne", "Zug"), List.of("ZH", "GE", "BS", "VD", "ZG"),
                    "ch"),
            new Country("IE", 2, List.of("Ltd", "DAC"), ANGLO, List.of("Dublin", "Cork", "Galway", "Limerick"),
                    List.of(), "ie"),
            new Country("JP", 2, List.of("K.K.", "Co., Ltd."),
                    List.of("Tanaka", "Sato", "Suzuki", "Yamamoto", "Nakamura", "Kobayashi"),
                    List.of("Tokyo", "Osaka", "Kyoto", "Nagoya", "Fukuoka"), List.of(), "co.jp"),
            new Country("IN", 1, List.of("Pvt Ltd", "Ltd"),
                    List.of("Sharma", "Patel", "Iyer", "Reddy", "Mehta", "Kapoor"),
                    List.of("Bengaluru", "Pune", "Mumbai", "Chennai", "Hyderabad"), List.of("KA", "MH", "TN", "TG"),
                    "in"),
            new Country("BR", 1, List.of("Ltda.", "S.A."),
                    List.of("Silva", "Oliveira", "Souza", "Costa", "Pereira", "Almeida"),
                    List.of("São Paulo", "Rio", "Curitiba", "Recife"), List.of("SP", "RJ", "PR", "PE"), "com.br"));

    /** An industry with its share of companies, the words its company names use and its revenue per head. */
    private record Sector(Industry industry, int weight, List<String> words, long revenuePerEmployee,
            List<String> technologies) {
    }

    private static final List<Sector> SECTORS = List.of(
            new Sector(Industry.SOFTWARE, 18, List.of("Software", "Labs", "Technologies", "Analytics", "Cloud",
                    "Systems", "Digital", "AI"), 220_000L, List.of("github", "jira", "datadog", "aws", "segment",
                    "intercom", "stripe")),
            new Sector(Industry.IT_SERVICES, 7, List.of("IT Solutions", "Consulting Group", "Networks",
                    "Data Services", "Tech Partners"), 140_000L, List.of("microsoft_365", "azure", "servicenow",
                    "jira")),
            new Sector(Industry.MANUFACTURING, 14, List.of("Manufacturing", "Industries", "Precision", "Robotics",
                    "Components", "Metalworks", "Machines", "Plastics"), 260_000L, List.of("sap", "oracle",
                    "autodesk", "microsoft_dynamics")),
            new Sector(Industry.FINANCIAL_SERVICES, 8, List.of("Capital", "Financial", "Insurance",
                    "Asset Management", "Payments", "Bank"), 420_000L, List.of("salesforce", "workday",
                    "snowflake", "okta")),
            new Sector(Industry.HEALTHCARE, 8, List.of("Health", "Medical", "Therapeutics", "Biosciences",
                    "Clinics", "Pharma"), 160_000L, List.of("epic", "veeva", "workday", "microsoft_365")),
            new Sector(Industry.RETAIL, 7, List.of("Retail", "Stores", "Outfitters", "Market", "Goods", "Home"),
                    180_000L, List.of("shopify", "magento", "klaviyo", "stripe", "zendesk")),
            new Sector(Industry.EDUCATION, 3, List.of("Academy", "Learning", "Education", "Institute"), 80_000L,
                    List.of("canvas_lms", "moodle", "google_apps")),
            new Sector(Industry.PROFESSIONAL_SERVICES, 8, List.of("Partners", "Advisory", "Consulting",
                    "Associates", "Legal"), 150_000L, List.of("microsoft_365", "docusign", "netsuite")),
            new Sector(Industry.MEDIA, 4, List.of("Media", "Studios", "Publishing", "Broadcasting"), 200_000L,
                    List.of("wordpress", "adobe_experience_manager", "google_analytics")),
            new Sector(Industry.TELECOMMUNICATIONS, 2, List.of("Telecom", "Communications", "Mobile"), 350_000L,
                    List.of("twilio", "oracle", "servicenow")),
            new Sector(Industry.ENERGY, 3, List.of("Energy", "Power", "Solar", "Renewables"), 600_000L,
                    List.of("sap", "oracle", "microsoft_dynamics")),
            new Sector(Industry.TRANSPORTATION, 5, List.of("Logistics", "Freight", "Transport", "Shipping",
                    "Mobility"), 200_000L, List.of("sap", "oracle", "samsara")),
            new Sector(Industry.REAL_ESTATE, 3, List.of("Properties", "Realty", "Estates"), 300_000L,
                    List.of("yardi", "salesforce", "docusign")),
            new Sector(Industry.CONSTRUCTION, 4, List.of("Construction", "Builders", "Engineering", "Contractors"),
                    200_000L, List.of("procore", "autodesk", "sage")),
            new Sector(Industry.HOSPITALITY, 3, List.of("Hotels", "Hospitality", "Restaurants", "Resorts"),
                    60_000L, List.of("opentable", "toast", "mailchimp")),
            new Sector(Industry.NONPROFIT, 1, List.of("Foundation", "Trust", "Alliance"), 70_000L,
                    List.of("salesforce_nonprofit_cloud", "mailchimp", "google_apps")),
            new Sector(Industry.AGRICULTURE, 2, List.of("Farms", "Agri", "Harvest", "Seeds", "AgTech"), 150_000L,
                    List.of("john_deere_operations_center", "sap", "quickbooks")));

    private static final List<String> COMMON_TECHNOLOGIES = List.of("google_apps", "microsoft_365", "salesforce",
            "hubspot", "slack", "zoom", "aws", "google_cloud", "cloudflare", "google_analytics", "zendesk",
            "marketo", "linkedin_insight", "wordpress", "atlassian_confluence", "dropbox", "okta", "gusto");

    private static final List<String> BRANDS = List.of("Northwind", "Bluepeak", "Helix", "Ardent", "Lumen",
            "Vertex", "Cobalt", "Quantum", "Meridian", "Summit", "Harbor", "Evergreen", "Ironclad", "Silverline",
            "Brightwave", "Clearwater", "Redwood", "Keystone", "Pinnacle", "Atlas", "Orbit", "Nimbus", "Beacon",
            "Granite", "Falcon", "Juniper", "Maple", "Aurora", "Crescent", "Sterling", "Trident", "Zenith", "Polar",
            "Copper", "Oakridge", "Cedar", "Sable", "Tandem", "Kinetic", "Vantage", "Nova", "Arcadia", "Solstice",
            "Halcyon", "Ember", "Fathom", "Lattice", "Parallel", "Prism", "Ridgeline", "Alder", "Basalt",
            "Cascade", "Driftwood", "Foxglove", "Larkspur", "Monarch", "Northstar", "Riverbend", "Stonebridge");
    private static final List<String> BRAND_SUFFIXES = List.of("works", "ly", "io", "hub", "stack", "ware",
            "gen", "path", "point", "field");
    private static final List<String> ONSETS = List.of("Zy", "Vo", "Kri", "Lu", "Ta", "Ne", "Qu", "Ra", "Mo", "Xe",
            "Sa", "Fe", "Bri", "Ca", "Do", "Ve", "Ori", "Tri", "Al", "Em");
    private static final List<String> CODAS = List.of("va", "lo", "rix", "neo", "tiq", "ra", "via", "sto", "mo",
            "nix", "ta", "lia", "xo", "dex", "vo", "ren");

    private final Random random;
    private final Set<String> names = new HashSet<>();
    private final Set<String> domains = new HashSet<>();

    private SandboxFirmographicsGenerator(long seed) {
        this.random = new Random(seed);
    }

    public static List<SandboxCompany> generate(long seed, int count) {
        SandboxFirmographicsGenerator generator = new SandboxFirmographicsGenerator(seed);
        List<SandboxCompany> companies = new ArrayList<>(count);
        while (companies.size() < count) {
            generator.next().ifPresent(companies::add);
        }
        return List.copyOf(companies);
    }

    /** The companies after the shipped file's rows, up to {@link #TOTAL}: the generator continued, not a file. */
    public static List<SandboxCompany> extension() {
        return generate(SEED, TOTAL).subList(COUNT, TOTAL);
    }

    /** The file exactly as shipped. */
    public static String shippedCsv() {
        return SandboxCsv.write(generate(SEED, COUNT));
    }

    /** Writes the file; run from the project root, or pass the output path. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : RESOURCE_PATH);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, shippedCsv(), StandardCharsets.UTF_8);
    }

    private Optional<SandboxCompany> next() {
        Country country = weighted(COUNTRIES, Country::weight);
        Sector sector = weighted(SECTORS, Sector::weight);
        String base = baseName(country, sector);
        String name = (base + " " + pick(country.legalForms())).strip();
        Optional<RegistrableDomain> domain = domainFor(base, country, sector);
        if (names.contains(name.toLowerCase(Locale.ROOT)) || domain.isEmpty()) {
            return Optional.empty();
        }
        names.add(name.toLowerCase(Locale.ROOT));
        domains.add(domain.get().value());
        int employees = employees();
        RevenueRange revenue = RevenueRange.ofAnnualUsd(
                Math.round(employees * sector.revenuePerEmployee() * (0.5 + random.nextDouble())));
        FundingStage stage = sector.industry() == Industry.NONPROFIT ? FundingStage.BOOTSTRAPPED
                : fundingStage(employees);
        Headquarters hq = new Headquarters(country.code(),
                country.regions().isEmpty() ? Optional.empty() : Optional.of(pick(country.regions())));
        return Optional.of(new SandboxCompany(name, domain.get(), employees, sector.industry(), revenue, stage, hq,
                technologies(sector)));
    }

    private String baseName(Country country, Sector sector) {
        int pattern = random.nextInt(100);
        if (pattern < 33) {
            return pick(BRANDS) + " " + pick(sector.words());
        }
        if (pattern < 53) {
            return pick(country.surnames()) + " " + pick(sector.words());
        }
        if (pattern < 63) {
            String first = pick(country.surnames());
            String second = pick(country.surnames());
            return first.equals(second) ? first + " " + pick(sector.words()) : first + " & " + second;
        }
        if (pattern < 78) {
            return pick(ONSETS) + pick(CODAS) + (random.nextBoolean() ? "" : pick(List.of("ly", "io", "ix", "a")));
        }
        if (pattern < 88) {
            return pick(country.cities()) + " " + pick(sector.words());
        }
        return pick(BRANDS) + pick(BRAND_SUFFIXES);
    }

    private Optional<RegistrableDomain> domainFor(String base, Country country, Sector sector) {
        String ascii = Normalizer.normalize(base, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replace("&", "and").replace("'", "");
        String joined = ascii.replaceAll("[^a-z0-9]+", "");
        String hyphenated = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        boolean startup = sector.industry() == Industry.SOFTWARE && random.nextInt(4) == 0;
        String tld = startup ? pick(List.of("io", "ai", "com")) : random.nextInt(10) == 0 ? "com" : country.tld();
        for (String label : List.of(joined, hyphenated, joined + "-" + country.code().toLowerCase(Locale.ROOT))) {
            String candidate = label + "." + tld;
            if (label.length() <= 63 && !domains.contains(candidate)) {
                return Optional.of(new RegistrableDomain(candidate));
            }
        }
        return Optional.empty();
    }

    private int employees() {
        int band = random.nextInt(100);
        int[][] bands = {{15, 1, 10}, {40, 11, 50}, {65, 51, 200}, {85, 201, 1000}, {95, 1001, 5000},
            {100, 5001, 60000}};
        for (int[] b : bands) {
            if (band < b[0]) {
                return b[1] + random.nextInt(b[2] - b[1] + 1);
            }
        }
        throw new IllegalStateException("employee bands do not cover 100%");
    }

    private FundingStage fundingStage(int employees) {
        List<FundingStage> choices;
        if (employees <= 10) {
            choices = List.of(FundingStage.BOOTSTRAPPED, FundingStage.BOOTSTRAPPED, FundingStage.ANGEL,
                    FundingStage.SEED, FundingStage.SEED);
        } else if (employees <= 50) {
            choices = List.of(FundingStage.BOOTSTRAPPED, FundingStage.SEED, FundingStage.SEED,
                    FundingStage.SERIES_A, FundingStage.SERIES_A, FundingStage.DEBT);
        } else if (employees <= 200) {
            choices = List.of(FundingStage.BOOTSTRAPPED, FundingStage.SERIES_A, FundingStage.SERIES_B,
                    FundingStage.SERIES_B, FundingStage.PRIVATE_EQUITY, FundingStage.DEBT,
                    FundingStage.VENTURE_UNDISCLOSED);
        } else if (employees <= 1000) {
            choices = List.of(FundingStage.SERIES_B, FundingStage.SERIES_C, FundingStage.SERIES_D_PLUS,
                    FundingStage.PRIVATE_EQUITY, FundingStage.PRIVATE_EQUITY, FundingStage.ACQUIRED,
                    FundingStage.BOOTSTRAPPED);
        } else {
            choices = List.of(FundingStage.PUBLIC, FundingStage.PUBLIC, FundingStage.PUBLIC,
                    FundingStage.PRIVATE_EQUITY, FundingStage.PRIVATE_EQUITY, FundingStage.SERIES_D_PLUS,
                    FundingStage.ACQUIRED);
        }
        return pick(choices);
    }

    private List<String> technologies(Sector sector) {
        Set<String> picked = new LinkedHashSet<>();
        int common = 1 + random.nextInt(5);
        for (int i = 0; i < common; i++) {
            picked.add(pick(COMMON_TECHNOLOGIES));
        }
        int specific = 1 + random.nextInt(2);
        for (int i = 0; i < specific; i++) {
            picked.add(pick(sector.technologies()));
        }
        return List.copyOf(picked);
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private <T> T weighted(List<T> options, ToIntFunction<T> weight) {
        int total = options.stream().mapToInt(weight).sum();
        int roll = random.nextInt(total);
        for (T option : options) {
            roll -= weight.applyAsInt(option);
            if (roll < 0) {
                return option;
            }
        }
        throw new IllegalStateException("weights do not add up");
    }
}
