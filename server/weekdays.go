package server

// weekdayNames are the day names of the interface languages, Monday first.
// The frontend shows them in opening-hours tables; x/text has no public
// calendar names, so they are listed here.
var weekdayNames = map[string][7]string{
	"de": {"Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"},
	"en": {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"},
	"ar": {"الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"},
	"uk": {"понеділок", "вівторок", "середа", "четвер", "пʼятниця", "субота", "неділя"},
	"ru": {"понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"},
	"tr": {"Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi", "Pazar"},
	"fa": {"دوشنبه", "سه\u200cشنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه", "یکشنبه"},
	"pl": {"poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"},
	"ro": {"luni", "marți", "miercuri", "joi", "vineri", "sâmbătă", "duminică"},
	"bg": {"понеделник", "вторник", "сряда", "четвъртък", "петък", "събота", "неделя"},
}

func weekdayName(lang string, day int) string {
	if names, ok := weekdayNames[lang]; ok {
		return names[day]
	}
	return weekdayNames["de"][day]
}
