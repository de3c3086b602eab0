package dev.orchestrator.domain.dedupe;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Given names that name the same person: each row is a formal name followed by its common short forms.
 * A short form may belong to several formal names (Alex: Alexander, Alexandra), so lookups answer with sets.
 */
public final class Nicknames {
    private static final String[] TABLE = {
        "robert bob bobby rob robbie bert",
        "william bill billy will willie liam",
        "richard dick rick ricky rich richie",
        "james jim jimmy jamie",
        "john jack johnny jon",
        "jonathan jon jonny nathan",
        "michael mike mikey mick mickey",
        "thomas tom tommy",
        "charles charlie chuck chas",
        "joseph joe joey",
        "christopher chris kit topher",
        "christian chris",
        "daniel dan danny",
        "matthew matt matty",
        "anthony tony",
        "andrew andy drew",
        "joshua josh",
        "nicholas nick nicky",
        "benjamin ben benny benji",
        "samuel sam sammy",
        "alexander alex al sandy xander",
        "alexandra alex sandra sandy lexi",
        "edward ed eddie ted teddy ned",
        "edwin ed eddie",
        "edmund ed ned",
        "theodore ted teddy theo",
        "henry harry hank hal",
        "harold harry hal",
        "frederick fred freddie freddy",
        "francis frank frankie fran",
        "franklin frank",
        "gerald gerry jerry",
        "jeremy jerry",
        "lawrence larry laurie",
        "leonard leo len lenny",
        "ronald ron ronnie",
        "donald don donnie",
        "timothy tim timmy",
        "stephen steve stevie",
        "steven steve stevie",
        "peter pete",
        "patrick pat paddy",
        "gregory greg",
        "raymond ray",
        "kenneth ken kenny",
        "douglas doug",
        "david dave davy",
        "philip phil",
        "phillip phil",
        "zachary zach zack",
        "nathaniel nate nathan nat",
        "jacob jake",
        "oliver ollie",
        "samantha sam sammy",
        "elizabeth liz lizzie beth betty eliza libby",
        "margaret maggie meg peggy marge",
        "catherine cathy kate katie cat",
        "katherine kathy kate katie kat",
        "kathleen kathy kath",
        "jennifer jen jenny",
        "jessica jess jessie",
        "rebecca becky becca",
        "victoria vicky tori",
        "patricia pat patty tricia trish",
        "susan sue susie",
        "deborah debbie deb",
        "barbara barb barbie",
        "christine chris chrissy tina",
        "christina chris tina",
        "stephanie steph",
        "abigail abby",
        "amanda mandy",
        "olivia liv livvy",
        "isabella bella izzy",
        "isabelle belle izzy",
        "eleanor ellie nell",
        "ellen ellie nell",
        "emily em emmy",
        "emma em",
        "madeline maddie",
        "madison maddie maddy",
        "maddison maddie maddy",
        "charlotte lottie charlie",
        "florence flo",
        "dorothy dot dottie",
        "judith judy",
        "virginia ginny",
        "frances fran frannie",
        "lucinda lucy",
        "lucy lu",
        "evelyn evie",
        "eva evie",
        "genevieve evie",
        "harriet hattie",
        "georgia georgie",
        "george georgie",
        "louise lou",
        "louis lou",
        "albert al bert",
        "alfred alf fred",
        "arthur art",
        "augustus gus",
        "reginald reggie reg",
        "vincent vince vinny",
        "walter walt",
        "wesley wes",
        "terence terry",
        "dominic dom",
        "sebastian seb",
        "tobias toby",
        "harrison harry",
        "mathew matt",
        "jacqueline jackie",
        "angela angie",
        "gabriel gabe",
        "gabrielle gabby",
        "nicole nicky nikki",
        "caroline carrie",
        "carolyn carrie",
        "veronica ronnie",
        "valerie val",
        "pamela pam",
        "sophia sophie",
        "amelia millie",
        "mildred millie",
        "ethan",
        "ava",
    };
    private static final Map<String, Set<String>> GROUPS = new HashMap<>();

    static {
        for (String row : TABLE) {
            String[] names = row.split(" ");
            for (String name : names) {
                GROUPS.computeIfAbsent(name, k -> new HashSet<>()).add(names[0]);
            }
        }
    }

    private Nicknames() {
    }

    /** The formal names a given name may stand for, itself included. */
    public static Set<String> formalNames(String name) {
        Set<String> formal = new HashSet<>(GROUPS.getOrDefault(name, Set.of()));
        formal.add(name);
        return formal;
    }

    /** Bob and Robert are the same given name; so are Alex and Sandy (both may be Alexandra). */
    public static boolean sameGivenName(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        Set<String> fa = formalNames(a);
        for (String f : formalNames(b)) {
            if (fa.contains(f)) {
                return true;
            }
        }
        return false;
    }
}
