"""Article lines shared by the text-mode metadata tests: plain body paragraphs (English, German) and a menu."""

BODY_EN = [
    "The city council voted on Tuesday evening to repair the old bridge over the river after a long debate.",
    "Repairs are expected to cost about twelve million dollars, the administration said in a statement.",
    "Residents had complained for years about the poor state of the bridge and had filed several petitions.",
    "Work is due to start next spring and should be finished by the end of the following year, officials said.",
]
BODY_DE = [
    "Der Stadtrat hat am Dienstagabend nach langer Debatte beschlossen, die alte Brücke über den Fluss zu sanieren.",
    "Die Kosten für die Arbeiten werden auf rund zwölf Millionen Euro geschätzt, wie die Verwaltung mitteilte.",
    "Anwohner hatten sich seit Jahren über den schlechten Zustand beschwert und mehrere Petitionen eingereicht.",
    "Die Bauarbeiten sollen im kommenden Frühjahr beginnen und bis zum Ende des nächsten Jahres dauern.",
]
MENU = ["Home", "News", "Politics", "Business", "Sport"]
