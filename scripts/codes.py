"""Every diagnostic code the checker prints, with what it means and what to do.

The method page renders this table, so the documentation and the checker cannot disagree.
"""
from __future__ import annotations

CODES: dict[str, tuple[str, str]] = {
    "Y100": ("YAML syntax", "The file is not valid YAML at that place. Check indentation (spaces, never tabs), colons and quotes."),
    "Y101": ("Not text", "The file is not UTF-8 text, or holds a control character. Save it as UTF-8 and remove the character."),
    "Y102": ("Duplicate key", "A field is set twice in one entry; YAML would silently keep the last. Keep one."),
    "Y103": ("Alias", "Anchors and aliases (&name, *name) are refused: every value is written out where it belongs."),
    "Y104": ("Tag or key not allowed", "Explicit tags (!!python/..., !!binary) and keys that are lists or mappings are refused; nothing in the file is ever executed."),
    "Y105": ("File too large", "The checker reads at most 16 MiB, a thousand times the real data."),
    "Y106": ("Nested too deeply", "The data is nested deeper than any valid file could be."),
    "Y107": ("Empty file", "The file holds no data."),
    "Y108": ("Cannot read", "The file cannot be opened."),
    "S200": ("Unknown field", "A field the schema does not know, usually a misspelling; the message suggests the nearest known field."),
    "S201": ("Missing field", "A field every entry of this kind must have."),
    "S202": ("Wrong type", "A value of the wrong kind: text where a number belongs, a list where text belongs, and so on."),
    "S203": ("Invalid value", "A value outside what the field allows (a kind not in the list, an id with capitals, a date in another format)."),
    "M300": ("Impossible date", "A date that cannot exist (30 February, month 13) or a range that ends before it starts."),
    "M301": ("Duplicate id", "Two entries share an id; ids are permalinks and must be unique across sources, events, figures and relations."),
    "M302": ("Unknown reference", "A field names an id that no entry has."),
    "H400": ("Source missing", "The source file named by a source entry does not exist (paths are relative to the YAML file's folder)."),
    "H401": ("Source changed", "The source file's SHA-256 differs from the one recorded: the stored text is not the text the data was checked against."),
    "H402": ("Source not text", "The source file is not UTF-8 text."),
    "Q500": ("Quote not in source", "The quote is not written in the source exactly. The message shows the source's own words to paste, or the nearest passage."),
    "Q501": ("Quote ambiguous", "The quote occurs more than once in the source; lengthen it so it points to one place."),
    "F600": ("Value not in quote", "A figure's value is not written in its own quote (in digits or words)."),
    "F601": ("Value written twice", "A figure's quote writes its value more than once; shorten the quote."),
    "F602": ("Other numbers in quote", "A figure's quote writes other numbers besides the value; shorten it so a swapped value cannot pass."),
    "T700": ("Date disagrees with quote", "The quote writes a date (or part of one) that differs from the entry's date."),
    "T701": ("Date part not written", "A part of the date that the quote does not write; list it under inferred.parts with the passage it comes from."),
    "T702": ("Inference not needed", "A part listed under inferred.parts that the quote writes itself, or that the date does not have."),
    "T703": ("Inference unsupported", "The passage under inferred.from does not write the inferred part of the date."),
    "T704": ("Out of date order", "The timeline shows events in the order the data lists them; an event is listed after one that begins later than it ends."),
    "R800": ("Acknowledged difference", "A warning: the source's figures do not add up, and the data records the difference. The site shows it to readers."),
    "R801": ("Relation does not hold", "The figures do not add up as the relation says, and the data does not acknowledge the difference."),
    "R802": ("Acknowledged difference is wrong", "The difference recorded under acknowledged is not the one the figures give."),
    "R803": ("Nothing to acknowledge", "The relation holds, yet the data acknowledges a difference; remove acknowledged."),
    "R804": ("Units differ", "A relation compares figures of different units (people and homes)."),
    "C900": ("Number not accounted for", "A number written in the source is neither captured by a figure or a date nor listed under left_out with a reason."),
    "C901": ("Nothing left out", "A left_out passage holds no number, so it accounts for nothing; remove it."),
}
