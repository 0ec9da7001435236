// Package corpus generates news-style articles for benchmarks: many
// people, organisations and places, titles, quotes, reported speech,
// money and counts, dates, and the page clutter real articles carry. The
// same seed gives the same corpus.
package corpus

import (
	"fmt"
	"math/rand"
	"strings"
	"time"
)

var (
	firstNames = strings.Fields("Ana Kenji Ruth Pavel Lena Omar Ines Tomas Grace Yusuf Maria Daniel Sofia Arjun Chloe Mateo Hannah Ivan Leila Samuel Nadia Felix Aisha Lucas Mei Andre Zara Victor Elena Kwame Julia Rahul Clara Diego Fatima Hugo Ingrid Malik Rosa Stefan")
	lastNames  = strings.Fields("Lopez Sato Okoye Novak Berg Haddad Duarte Kowalski Chen Demir Rossi Ortiz Park Mehta Dubois Alvarez Fischer Petrov Nasser Mensah Farouk Weber Bakr Silva Wong Moreau Khan Ivanova Costa Boateng Lindqvist Sharma Jensen Herrera Aziz Laurent Nilsen Osei Varga Brandt")
	orgStems   = strings.Fields("Northwind Bluepeak Harbor Solaris Veridian Crestline Ironvale Meridian Orbital Redwood Silverline Summit Tidewater Brightpath Granite Horizon Keystone Lumen Pinecrest Quantum")
	orgKinds   = strings.Fields("Bank Group Motors Energy Labs Airlines Logistics Media Pharma Systems Foods Capital Robotics Telecom Insurance")
	cities     = strings.Fields("Vesterby Port Calder Redcliff Amberton Lakemoor Eastbridge Norwick Halden Marisol Oakhurst Brackwater")
	titles     = []string{"chief executive", "finance minister", "spokesperson", "founder", "chairman", "director", "analyst", "mayor", "governor", "union leader", "economist", "lawyer"}
	verbs      = []string{"acquired", "sued", "hired", "criticised", "thanked", "met", "invited", "backed", "accused", "visited", "warned", "praised"}
	products   = strings.Fields("Streamly Kitewave Dotpad Nimbus Orbitly Pulsar Trekker Voxa Zenith Lumio")
	quotes     = []string{
		"We will not accept a deal that leaves our members worse off",
		"This is the most important decision the company has made in a decade",
		"The numbers speak for themselves and they are not good",
		"We expect the market to recover before the end of the year",
		"Nobody asked us, and that is the real problem here",
		"It would be a mistake to read too much into one quarter",
		"Our customers deserve better and they will get it",
		"We are confident the investigation will clear us",
	}
	clutter = []string{
		"Advertisement", "Subscribe to our newsletter for the latest updates", "Share this article on Facebook Twitter Email",
		"Read more: Five things to know about the markets this week", "© %d Daily Ledger Media. All rights reserved.",
		"Comments", "Related stories", "Sign up for breaking news alerts", "Photo: Staff photographer",
	}
)

// Generator writes articles from one random source.
type Generator struct {
	r *rand.Rand
}

// New returns a generator; the same seed gives the same articles.
func New(seed int64) *Generator { return &Generator{r: rand.New(rand.NewSource(seed))} }

func (g *Generator) pick(list []string) string { return list[g.r.Intn(len(list))] }

func (g *Generator) person() string { return g.pick(firstNames) + " " + g.pick(lastNames) }

func (g *Generator) org() string { return g.pick(orgStems) + " " + g.pick(orgKinds) }

func surname(name string) string { return name[strings.LastIndexByte(name, ' ')+1:] }

// Article returns the i-th article: a headline, a dateline and 8–16
// paragraphs with clutter among them, about 2–4 KB.
func (g *Generator) Article(i int) string {
	pub := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, g.r.Intn(700))
	p1, p2, p3 := g.person(), g.person(), g.person()
	o1, o2 := g.org(), g.org()
	city := g.pick(cities)
	prod := g.pick(products)
	t1, t2 := g.pick(titles), g.pick(titles)
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %s in %s\n", o1, strings.ToLower(g.pick([]string{"Expands", "Cuts", "Reviews", "Defends", "Delays"})), strings.ToLower(g.pick([]string{"Plans", "Jobs", "Deal", "Strategy", "Launch"})), city)
	fmt.Fprintf(&b, "Updated %s\n", pub.Format("January 2, 2006"))
	paras := []string{
		fmt.Sprintf("%s %s %s %s %s on %s, the company said in a statement.", o1, t1, p1, g.pick(verbs), p3, pub.Weekday()),
		fmt.Sprintf("\"%s,\" %s told reporters in %s.", g.pick(quotes), surname(p1), city),
		fmt.Sprintf("%s, a former %s %s, said the move had been expected for months.", p2, o2, t2),
		fmt.Sprintf("The company has raised $%d million from investors and is now valued at about $%d billion.", 10+g.r.Intn(400), 1+g.r.Intn(20)),
		fmt.Sprintf("%s %s %s last month, according to people familiar with the matter.", surname(p1), g.pick(verbs), p3),
		fmt.Sprintf("On %s, %s announced that %s would open a new plant in %s.", pub.AddDate(0, 0, -g.r.Intn(20)-1).Format("January 2"), p2, o2, city),
		fmt.Sprintf("\"%s,\" %s added.", g.pick(quotes), surname(p2)),
		fmt.Sprintf("The %s app %s, launched by %s in %d, now has up to %d,000 users a day.", strings.ToLower(g.pick([]string{"payments", "travel", "chat", "music", "fitness"})), prod, o1, 2010+g.r.Intn(13), 1+g.r.Intn(900)),
		fmt.Sprintf("%s did not respond to a request for comment on %s.", o2, pub.AddDate(0, 0, -1).Weekday()),
		fmt.Sprintf("Analysts said the deal could cost %s as much as $%d million over three years.", o1, 5+g.r.Intn(300)),
		fmt.Sprintf("%s said %s had not received any offer from %s.", surname(p2), o2, o1),
		fmt.Sprintf("About %d workers in %s were told on %s that their jobs were safe.", 100+g.r.Intn(5000), city, pub.Weekday()),
	}
	n := 8 + g.r.Intn(5)
	for k := 0; k < n && k < len(paras); k++ {
		b.WriteString(paras[k])
		b.WriteByte('\n')
		if g.r.Intn(5) == 0 {
			c := g.pick(clutter)
			if strings.Contains(c, "%d") {
				c = fmt.Sprintf(c, pub.Year())
			}
			b.WriteString(c)
			b.WriteByte('\n')
		}
	}
	fmt.Fprintf(&b, "Reporting by %s; editing by %s\n", g.person(), g.person())
	b.WriteString(g.pick(clutter[:3]) + "\n")
	return b.String()
}
