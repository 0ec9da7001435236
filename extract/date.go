package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Dates in news text come in a small number of shapes: absolute calendar
// dates ("February 14", "14 February 2021", "March 3rd, 2021"), bare years
// and months ("in 2011", "in November"), and phrases relative to the day the
// article was written ("on Tuesday", "last month", "yesterday"). General
// date libraries return a single instant; news facts need the precision the
// writer used (a day, a month or a year), so this stage is written here.

var monthNames = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
	"april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
	"august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10,
	"oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

var weekdayNames = map[string]time.Weekday{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4,
	"friday": 5, "saturday": 6,
}

const monthRe = `(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`

var (
	// "February 14", "February 14th, 2021", "Feb. 14 2021"
	reMonthDay = regexp.MustCompile(`\b(` + monthRe + `)\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?`)
	// "14 February", "14th of February 2021"
	reDayMonth = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(` + monthRe + `)\b(?:,?\s+(\d{4})\b)?`)
	// "in November", "in November 2020", "last November"
	reMonthOnly = regexp.MustCompile(`\b(in|last|this|since|by|until|early|late|mid|earlier in|later in)\s+(` + monthRe + `)\b(?:\s+(\d{4})\b)?`)
	// "in 2011", "since 2019"
	reYear = regexp.MustCompile(`\b(in|since|by|until|of|during|from)\s+((?:19|20)\d{2})\b`)
	// "on Tuesday", "last Friday", "Tuesday"
	reWeekday = regexp.MustCompile(`\b(?:(on|last|this|next)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`)
	// "last month", "this year", "earlier this year", "last week"
	reRelative = regexp.MustCompile(`\b(?:earlier |later )?(last|this|next|previous|past)\s+(week|month|year)\b`)
	reDeictic  = regexp.MustCompile(`\b(yesterday|today|tomorrow)\b`)
)

// DateMention is a date expression found in a piece of text.
type DateMention struct {
	Start, End int    // byte offsets in the text searched
	Phrase     string // the words as written
	// Value is an ISO 8601 date ("2021-02-14"), year-month ("2021-02") or
	// year ("2021"); empty when the phrase could not be resolved.
	Value string
}

// dateCover records, for each byte of a text, the first date found over
// it, so that telling whether a new match overlaps one costs the length of
// the match rather than the number of dates (a long text has many).
type dateCover []int32 // index+1 into the dates; 0: none

// first returns the lowest index of a date over bytes [s, e), or -1.
func (c dateCover) first(s, e int) int {
	best := -1
	for p := s; p < e && p < len(c); p++ {
		if i := int(c[p]) - 1; i >= 0 && (best < 0 || i < best) {
			best = i
		}
	}
	return best
}

// mark records date i over bytes [s, e) of a text of n bytes, where no
// earlier date is recorded.
func (c *dateCover) mark(n, s, e, i int) {
	if *c == nil {
		*c = make(dateCover, n)
	}
	for p := s; p < e; p++ {
		if (*c)[p] == 0 || int((*c)[p])-1 > i {
			(*c)[p] = int32(i + 1)
		}
	}
}

// FindDates returns the date expressions in text, resolved against ref
// (the article's publication date) when ref is not zero. Overlapping
// matches keep the longest.
func FindDates(text string, ref time.Time) []DateMention {
	f := &dateFinder{text: text, ref: ref}
	if containsMonth(text) {
		f.monthDates()
	}
	if strings.ContainsAny(text, "0123456789") {
		for _, m := range reYear.FindAllStringSubmatchIndex(text, -1) {
			f.add(m[4], m[5], text[m[4]:m[5]])
		}
	}
	if strings.Contains(text, "day") {
		f.weekdayDates()
	}
	if strings.Contains(text, "week") || strings.Contains(text, "month") || strings.Contains(text, "year") {
		f.relativeDates()
	}
	if strings.Contains(text, "yesterday") || strings.Contains(text, "today") || strings.Contains(text, "tomorrow") {
		f.deicticDates()
	}
	return f.out
}

// dateFinder collects the dates of one text, the longest of overlapping
// ones.
type dateFinder struct {
	text  string
	ref   time.Time
	out   []DateMention
	cover dateCover
}

// add records the date at bytes [s, e) with value v; of two that overlap
// the longer stays.
func (f *dateFinder) add(s, e int, v string) {
	if i := f.cover.first(s, e); i >= 0 {
		if d := f.out[i]; e-s > d.End-d.Start {
			f.out[i] = DateMention{s, e, f.text[s:e], v}
			f.cover.mark(len(f.text), s, e, i)
		}
		return
	}
	f.out = append(f.out, DateMention{s, e, f.text[s:e], v})
	f.cover.mark(len(f.text), s, e, len(f.out)-1)
}

// monthDates finds "March 11", "11 March 1987" and "last March".
func (f *dateFinder) monthDates() {
	text, ref := f.text, f.ref
	for _, m := range reMonthDay.FindAllStringSubmatchIndex(text, -1) {
		mon := monthOf(text[m[2]:m[3]])
		day, _ := strconv.Atoi(text[m[4]:m[5]])
		f.add(m[0], m[1], dayValue(mon, day, yearGroup(text, m[6], m[7]), ref))
	}
	for _, m := range reDayMonth.FindAllStringSubmatchIndex(text, -1) {
		day, _ := strconv.Atoi(text[m[2]:m[3]])
		mon := monthOf(text[m[4]:m[5]])
		f.add(m[0], m[1], dayValue(mon, day, yearGroup(text, m[6], m[7]), ref))
	}
	for _, m := range reMonthOnly.FindAllStringSubmatchIndex(text, -1) {
		mon := monthOf(text[m[4]:m[5]])
		year := yearGroup(text, m[6], m[7])
		if year == 0 && !ref.IsZero() {
			year = ref.Year()
			if mon > ref.Month() || (text[m[2]:m[3]] == "last" && mon == ref.Month()) {
				year--
			}
		}
		v := ""
		if year > 0 {
			v = time.Date(year, mon, 1, 0, 0, 0, 0, time.UTC).Format("2006-01")
		}
		// keep only the month words and the year in the phrase
		f.add(m[4], m[1], v)
	}
}

// weekdayDates finds "Tuesday", "last Friday", "next Monday".
func (f *dateFinder) weekdayDates() {
	for _, m := range reWeekday.FindAllStringSubmatchIndex(f.text, -1) {
		v := ""
		if !f.ref.IsZero() {
			mod := ""
			if m[2] >= 0 {
				mod = f.text[m[2]:m[3]]
			}
			wd := weekdayNames[strings.ToLower(f.text[m[4]:m[5]])]
			v = f.ref.AddDate(0, 0, -daysBack(f.ref.Weekday(), wd, mod)).Format("2006-01-02")
		}
		f.add(m[0], m[1], v)
	}
}

// daysBack is how many days before ref's weekday the weekday wd named
// with mod ("", "last", "next") is; negative for one ahead.
func daysBack(ref, wd time.Weekday, mod string) int {
	back := (int(ref) - int(wd) + 7) % 7
	switch mod {
	case "next":
		back = -((int(wd) - int(ref) + 7) % 7)
		if back == 0 {
			back = -7
		}
	case "last":
		if back == 0 {
			back = 7
		}
	}
	return back
}

// relativeDates finds "last month", "next year", "this week".
func (f *dateFinder) relativeDates() {
	for _, m := range reRelative.FindAllStringSubmatchIndex(f.text, -1) {
		v := ""
		if ref := f.ref; !ref.IsZero() {
			step := 0
			switch f.text[m[2]:m[3]] {
			case "last", "previous", "past":
				step = -1
			case "next":
				step = 1
			}
			switch f.text[m[4]:m[5]] {
			case "month":
				v = ref.AddDate(0, step, 1-ref.Day()).Format("2006-01")
			case "year":
				v = strconv.Itoa(ref.Year() + step)
			case "week":
				v = "" // a week has no ISO form we use; keep the phrase
			}
		}
		f.add(m[0], m[1], v)
	}
}

// deicticDates finds "yesterday", "today" and "tomorrow".
func (f *dateFinder) deicticDates() {
	for _, m := range reDeictic.FindAllStringSubmatchIndex(f.text, -1) {
		v := ""
		if ref := f.ref; !ref.IsZero() {
			switch f.text[m[2]:m[3]] {
			case "yesterday":
				v = ref.AddDate(0, 0, -1).Format("2006-01-02")
			case "today":
				v = ref.Format("2006-01-02")
			case "tomorrow":
				v = ref.AddDate(0, 0, 1).Format("2006-01-02")
			}
		}
		f.add(m[0], m[1], v)
	}
}

// containsMonth is a cheap test that lets text without a month name skip
// the month patterns.
func containsMonth(text string) bool {
	for _, w := range []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"} {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

func monthOf(s string) time.Month {
	return monthNames[strings.TrimSuffix(strings.ToLower(s), ".")]
}

func yearGroup(text string, s, e int) int {
	if s < 0 {
		return 0
	}
	y, _ := strconv.Atoi(text[s:e])
	return y
}

// dayValue resolves a month and day to an ISO date. Without a year the
// article's year is used, stepping back a year when that would put the
// date well after the article (news reports the past).
func dayValue(mon time.Month, day, year int, ref time.Time) string {
	if mon == 0 || day < 1 || day > 31 {
		return ""
	}
	if year == 0 {
		if ref.IsZero() {
			return ""
		}
		year = ref.Year()
		if time.Date(year, mon, day, 0, 0, 0, 0, time.UTC).After(ref.AddDate(0, 1, 0)) {
			year--
		}
	}
	t := time.Date(year, mon, day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day { // February 30 and the like
		return ""
	}
	return t.Format("2006-01-02")
}

// reDateline matches a line that is only a date stamp, optionally with a
// verb like "Updated" and a time: "Updated March 3rd, 2021 at 14:31 IST".
var reDateline = regexp.MustCompile(`^(?i:(?:last\s+)?(?:updated|published|posted|first published|modified)(?:\s+on)?:?\s*)?(?:[A-Z][a-z]+day,?\s+)?(` + monthRe + `\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+` + monthRe + `,?\s+\d{4}|\d{4}-\d{2}-\d{2})(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?)?\s*$`)

// ParseDateline reports whether line is a date stamp and, if so, the date.
func ParseDateline(line string) (time.Time, bool) {
	m := reDateline.FindStringSubmatch(strings.TrimSpace(line))
	if m == nil {
		return time.Time{}, false
	}
	if t, err := time.Parse("2006-01-02", m[1]); err == nil {
		return t, true
	}
	ds := FindDates(m[1], time.Time{})
	if len(ds) == 0 || len(ds[0].Value) != 10 {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", ds[0].Value)
	return t, err == nil
}
