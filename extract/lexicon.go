package extract

import "strings"

// General English vocabulary the stages use as cues. None of it is about
// particular stories: job titles, honorifics, nationality adjectives, and
// the nouns that say what kind of thing a name is.

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Split(words, "|") {
		m[w] = true
	}
	return m
}

// honorifics precede a person's name.
var honorifics = set("mr|mr.|mrs|mrs.|ms|ms.|dr|dr.|sir|dame|lord|lady|prof|prof.|miss|mx")

// roleNouns are job titles and descriptions of people. Lower case; the
// multi-word ones are matched word by word (see roleAt).
var roleNouns = set("ceo|cfo|coo|cto|chief|boss|head|founder|co-founder|cofounder|president|vice-president|premier|minister|spokesperson|spokesman|spokeswoman|secretary|chairman|chairwoman|chair|director|engineer|analyst|reporter|journalist|editor|correspondent|official|senator|governor|mayor|lawyer|attorney|professor|researcher|scientist|economist|investor|entrepreneur|billionaire|millionaire|rapper|actor|actress|singer|musician|player|coach|manager|executive|officer|adviser|advisor|ambassador|general|commander|leader|host|anchor|chancellor|king|queen|prince|princess|judge|author|writer|owner|partner|developer|designer|producer|star|treasurer|lawmaker|legislator|diplomat|envoy|commissioner|regulator|inspector|detective|sheriff|colonel|captain|lieutenant|sergeant|admiral|marshal|astronaut|pilot|activist|spokesperson|aide|deputy|strategist|founder|investor|banker|trader|candidate|nominee|representative|congressman|congresswoman|pope|bishop|cardinal|emir|sheikh|prosecutor|economist|columnist|blogger|influencer|comedian|athlete|striker|goalkeeper|physicist|doctor|surgeon|nurse|teacher|student|worker|employee|staffer|member|fellow|creator|inventor|architect|philanthropist|tycoon|mogul|magnate|chief-executive")

// personRoles are role nouns that only people hold (for typing).
var multiWordRoles = map[string]string{
	"chief executive":         "chief executive",
	"chief executive officer": "chief executive officer",
	"prime minister":          "prime minister",
	"press secretary":         "press secretary",
	"foreign minister":        "foreign minister",
	"vice president":          "vice president",
	"managing director":       "managing director",
	"executive director":      "executive director",
	"general manager":         "general manager",
	"secretary general":       "secretary general",
	"secretary of state":      "secretary of state",
}

// roleGroups lists role nouns that name the same position, so that "the
// Tesla boss" can find the person introduced as "Tesla CEO".
var roleGroups = [][]string{
	{"boss", "ceo", "chief executive", "chief executive officer", "chief", "head", "chief-executive"},
	{"spokesperson", "spokesman", "spokeswoman", "press secretary"},
	{"president", "head of state"},
	{"founder", "co-founder", "cofounder", "creator"},
	{"billionaire", "tycoon", "mogul", "magnate"},
}

// sameRole reports whether two role names denote the same position.
func sameRole(a, b string) bool {
	if a == b {
		return true
	}
	for _, g := range roleGroups {
		ina, inb := false, false
		for _, r := range g {
			ina = ina || r == a
			inb = inb || r == b
		}
		if ina && inb {
			return true
		}
	}
	return false
}

// demonyms map nationality adjectives to the place they come from.
var demonyms = map[string]string{
	"russian": "Russia", "american": "United States", "british": "United Kingdom",
	"chinese": "China", "french": "France", "german": "Germany", "indian": "India",
	"ukrainian": "Ukraine", "japanese": "Japan", "israeli": "Israel", "iranian": "Iran",
	"canadian": "Canada", "australian": "Australia", "italian": "Italy", "spanish": "Spain",
	"turkish": "Turkey", "saudi": "Saudi Arabia", "brazilian": "Brazil", "mexican": "Mexico",
	"korean": "South Korea", "south korean": "South Korea", "north korean": "North Korea",
	"polish": "Poland", "dutch": "Netherlands", "swedish": "Sweden", "egyptian": "Egypt",
	"syrian": "Syria", "iraqi": "Iraq", "afghan": "Afghanistan", "pakistani": "Pakistan",
	"nigerian": "Nigeria", "kenyan": "Kenya", "greek": "Greece", "irish": "Ireland",
	"scottish": "Scotland", "swiss": "Switzerland", "austrian": "Austria", "belgian": "Belgium",
	"norwegian": "Norway", "danish": "Denmark", "finnish": "Finland", "portuguese": "Portugal",
	"argentine": "Argentina", "argentinian": "Argentina", "chilean": "Chile", "colombian": "Colombia",
	"venezuelan": "Venezuela", "cuban": "Cuba", "vietnamese": "Vietnam", "thai": "Thailand",
	"indonesian": "Indonesia", "filipino": "Philippines", "malaysian": "Malaysia",
	"singaporean": "Singapore", "taiwanese": "Taiwan", "belarusian": "Belarus",
	"hungarian": "Hungary", "czech": "Czech Republic", "romanian": "Romania",
	"european": "Europe", "african": "Africa", "asian": "Asia", "palestinian": "Palestine",
	"lebanese": "Lebanon", "jordanian": "Jordan", "qatari": "Qatar", "emirati": "United Arab Emirates",
	"ethiopian": "Ethiopia", "south african": "South Africa", "new zealand": "New Zealand",
}

// places are countries and regions commonly named in the news.
var places = set("russia|china|india|japan|germany|france|italy|spain|ukraine|israel|iran|iraq|syria|turkey|egypt|canada|mexico|brazil|argentina|australia|britain|england|scotland|wales|ireland|europe|asia|africa|america|united states|united kingdom|north korea|south korea|korea|taiwan|pakistan|afghanistan|saudi arabia|qatar|poland|sweden|norway|denmark|finland|netherlands|belgium|switzerland|austria|greece|portugal|hungary|romania|belarus|venezuela|cuba|colombia|chile|peru|nigeria|kenya|ethiopia|south africa|indonesia|vietnam|thailand|philippines|malaysia|singapore|new zealand|lebanon|jordan|palestine|gaza|crimea|siberia|california|texas|florida|new york|washington|london|paris|berlin|moscow|beijing|tokyo|delhi|new delhi|mumbai|kyiv|kiev|jerusalem|tehran|brussels|rome|madrid|ottawa|toronto|sydney|hong kong|shanghai|dubai|silicon valley|mars|earth|moon|europe|latin america|middle east|wall street")

// Nouns that, next to a name, say what kind of thing it is.
var (
	orgNouns      = set("company|firm|startup|start-up|agency|ministry|government|bank|group|party|union|council|committee|university|airline|newspaper|broadcaster|regulator|court|army|club|team|fund|outlet|exchange|office|administration|department|commission|brokerage|automaker|carmaker|manufacturer|retailer|publisher|studio|label|charity|organisation|organization|institute|agency|corporation|conglomerate|giant|operator|provider|lender|insurer|investor|backer|venture|network|channel|magazine|paper|daily|tabloid|website|site|newswire|wire|service|developer|maker")
	productNouns  = set("app|application|platform|service|network|website|site|browser|phone|smartphone|device|game|software|rocket|spacecraft|capsule|car|vehicle|model|chip|console|tablet|laptop|drone|satellite|podcast|show|film|movie|album|book|series|programme|program|tool|product|feature|vaccine|drug|coin|cryptocurrency|token|currency|handset|truck|jet|plane|aircraft|ship|missile|system|engine|assistant|chatbot|model|station")
	eventNouns    = set("summit|olympics|games|cup|championship|conference|festival|election|elections|war|awards|forum|expo|tournament|league|war|crisis|saga|scandal|pandemic|talks|meeting|congress|convention|protest|protests|strike|attack|trial|hearing|debate|referendum")
	placeNouns    = set("city|town|village|county|state|province|region|island|islands|river|mountain|mountains|street|avenue|square|valley|bay|lake|ocean|sea|country|capital|district|airport|port|border|peninsula|desert|coast")
	orgSuffixes   = set("robotics|solutions|software|logistics|foods|brands|pharma|therapeutics|biotech|networks|communications|telecom|semiconductor|semiconductors|electronics|insurance|financial|consulting|games|airlines|shipping|freight|mining|oil|gas|steel|aerospace|automotive|analytics|inc|inc.|corp|corp.|corporation|ltd|ltd.|llc|plc|group|bank|university|agency|ministry|council|committee|party|association|foundation|institute|company|co|co.|times|news|post|journal|airlines|airways|motors|technologies|technology|labs|capital|partners|holdings|ventures|media|studios|network|commission|department|office|court|army|police|federation|union|club|fund|exchange|administration|authority|board|bureau|senate|congress|parliament|assembly|school|college|hospital|church|organisation|organization|institution|systems|industries|energy|pharmaceuticals|entertainment|records|press|broadcasting|channel|guardian|telegraph|herald|tribune|gazette|review|magazine|weekly|daily")
	eventSuffixes = set("summit|olympics|games|cup|championship|conference|festival|election|war|awards|forum|expo|tournament|week|day|prix|open|series")
	placeSuffixes = set("city|county|state|province|island|islands|river|mountains|street|avenue|square|valley|bay|lake|ocean|sea|heights|park|beach|peninsula|coast|airport")
)

// Nouns that, after "the", refer back to the last entity of their kind.
var (
	categoryOrgNouns     = set("company|firm|startup|group|bank|agency|ministry|government|carmaker|automaker|manufacturer|retailer|airline|lender|insurer|broadcaster|publisher|regulator|operator|charity|union|party|club|organisation|organization|conglomerate|giant|brokerage|studio|council")
	categoryProductNouns = set("app|platform|service|network|website|site|game|device|phone|smartphone|car|vehicle|rocket|spacecraft|drug|vaccine|software|tool|browser")
	categoryPlaceNouns   = set("city|town|country|state|province|region|island|village|capital")
)

// ofNameHeads are name words that take "of" inside a name: "University of
// Connecticut", "Bank of England", "Republic of Korea".
var ofNameHeads = set("university|bank|school|college|institute|museum|society|republic|kingdom|department|ministry|board|council|house|church|city|state|province|district|academy|federation|union|league|court|office|chamber|commonwealth|isle|gulf|bay|cape|lake|mount|port|sea|straits|order|army|navy|bureau|commission|association|party|center|centre|hospital|festival")

// nameParticles join the parts of a name: "Estádio do Dragão".
var nameParticles = set("do|da|de|del|della|di|dos|das|du|van|von|der|den|la|le|al|el|bin|ibn|y")

// timeNouns head noun phrases that say when, not who: "last month".
var timeNouns = set("month|months|week|weeks|year|years|day|days|today|yesterday|tomorrow|tonight|morning|afternoon|evening|night|time|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|decade|century|weekend|hour|hours|minute|minutes|moment|season|quarter")

// notNames are capitalised words that are not names by themselves.
var notNames = set("monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december|i|ok|okay|tv|internet|web|covid|coronavirus|god|mr|mrs|ms|dr|the|a|an|it|this|that|these|those|however|meanwhile|but|and|or|so|yet|also|according|earlier|later|following|after|before|while|when|if|apparently|probably|instead|still")

// speechVerbs introduce what someone said (lemmas).
var speechVerbs = set("say|tell|add|note|ask|write|explain|state|claim|insist|warn|announce|reply|argue|comment|declare|confirm|deny|acknowledge|suggest|report|tweet|reveal|admit|stress|emphasise|emphasize|remark|observe|recall|predict|promise|vow|concede|contend|maintain|allege|assert|complain|urge|testify|conclude|joke|quip|recount|mention")

// modernNouns are nouns newer than the tagger's 1989 training text, which
// it tends to tag as verbs or adjectives.
var modernNouns = set("app|apps|smartphone|smartphones|startup|startups|podcast|podcasts|blog|blogs|website|websites|emoji|selfie|selfies|crypto|tweet|tweets|livestream|influencer|influencers|chatbot|chatbots|hashtag|hashtags|download|downloads|browser|online|email|emails|platform|platforms|streaming|cryptocurrency")

// indefiniteNouns make poor objects: "has nothing", "a whole lot".
var indefiniteNouns = set("nothing|something|anything|everything|none|one|lot|lots|kind|sort|way|thing|things|part|number|couple|bit")

// productSuffixes end product names: "App Store", "Model Y".
var productSuffixes = set("store|app|browser|phone|pad|watch|os|pro|max|mini|plus|edition")

// proxyNouns stand for their possessor: "the Kremlin's account" is the Kremlin.
var proxyNouns = set("account|handle|page|profile|feed|channel|website|site|spokesperson|office")

// eventNounVerbs turns a deverbal noun into its verb, for "Musk's invitation
// to Putin" → (Musk, invite, Putin).
var eventNounVerbs = map[string]string{
	"invitation": "invite", "invite": "invite", "offer": "offer", "proposal": "propose",
	"acquisition": "acquire", "purchase": "purchase", "nomination": "nominate",
	"appointment": "appoint", "visit": "visit", "attack": "attack", "call": "call",
	"criticism": "criticise", "request": "request", "challenge": "challenge",
	"interview": "interview", "endorsement": "endorse", "investment": "invest",
	"letter": "write", "message": "message", "donation": "donate", "gift": "give",
	"apology": "apologise", "threat": "threaten", "warning": "warn", "payment": "pay",
}

// hedges mark a fact as reported rather than established.
var hedges = set("reportedly|allegedly|apparently|supposedly|possibly|probably|perhaps|maybe|likely|purportedly")
