"""Word lists of the role finder (nlp/roles.py, nlp/appointments.py): gaps between a name and its title,
words that mark a former title, nationalities, verbs and participles that state a role.

The words are data, in nlp/patterns/words.jsonl (lists) and nlp/patterns/role_maps.jsonl (word -> role);
this module only gives them the names the code imports."""

from __future__ import annotations

from nlp.lexicon import word_lists, word_maps

WORDS = word_lists()
MAPS = word_maps()

PREPOSITIONS = WORDS["title_prepositions"]
DETERMINERS = WORDS["title_determiners"]
FORMER = WORDS["former_words"]
GAP_BEFORE_TITLE = FORMER | DETERMINERS | WORDS["title_gap"]
SUBJECT_PRONOUNS = WORDS["subject_pronouns"]
RELATIVE_VERBS = MAPS["relative_verbs"]
PAST_RELATIVE_VERBS = WORDS["past_relative_verbs"]
NATIONALITIES = WORDS["title_nationalities"]
REFERENCE_NOUNS = WORDS["reference_nouns"]
PARTICIPLES = MAPS["participles"]
KINSHIP = WORDS["kinship_nouns"]
