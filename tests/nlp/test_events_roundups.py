"""Round-ups of branch evd8 (issue #12): a column of short paragraphs, each opening on its company
('Tervia. L'éditeur ... a nommé X', 'Belcia, 6 M€. La jeune pousse ... lève N'), where a reference
noun or a title with no company means the paragraph's company, not the article's most named nor the
one of the move told in the paragraph before; on sentences written for the project (invented
companies and people). A board 'de la start-up' is the article's company's, not the one the person
works at. A lead 'Name, N M€.' names the company of the round of N told after it."""

from __future__ import annotations

from tests.nlp.test_events_syntax import events

COLUMN = (
    "Carnet de la semaine\n\n"
    "Maltex. Le fabricant de pompes Maltex promeut Louis Ferrand au poste de directeur industriel. "
    "Il remplace Marc Ody, qui quitte Maltex après vingt ans. Maltex emploie 300 personnes.\n\n"
    "Tervia. L'éditeur de logiciels de paie a nommé Anne Loriot directrice financière.\n\n"
    "Brelane. Chez l'équipementier, sa cofondatrice Lise Morin devient présidente du conseil de surveillance."
)


def test_a_column_s_paragraph_is_about_the_company_it_opens_on(extract):
    found = {e["person"]: e["org"] for e in events(extract, COLUMN, "appointment")}
    assert found == {"Louis Ferrand": "Maltex", "Anne Loriot": "Tervia", "Lise Morin": "Brelane"}


def test_an_amount_glued_to_its_full_stop_ends_the_lead(extract):
    text = (
        "Levées de fonds de la semaine : Norvane et Belcia\n\n"
        "Norvane, 14 M€. Le spécialiste rennais de la logistique urbaine boucle une série A de 14 millions "
        "d'euros auprès de Kima Ventures. Norvane compte recruter 80 personnes.\n\n"
        "Belcia, 6 M€. La jeune pousse parisienne, qui conçoit des capteurs pour les vignes, lève 6 millions "
        "d'euros auprès d'Elaia et de Bpifrance."
    )
    found = {e["org"]: e["amount"]["value"] for e in events(extract, text, "funding")}
    assert found == {"Norvane": 14e6, "Belcia": 6e6}


def test_a_paragraph_without_its_own_company_keeps_the_article_s(extract):
    # no company opens the second paragraph: the article's company stands
    first = "Maltex promeut Louis Ferrand au poste de directeur industriel. Maltex emploie 300 personnes."
    text = first + "\n\nPar ailleurs, Anne Loriot est nommée directrice financière."
    assert {e["org"] for e in events(extract, text, "appointment")} == {"Maltex"}


def test_a_board_of_the_start_up_is_the_article_s_company(extract):
    text = (
        "La start-up Brelvia lève 10 millions d'euros\n\n"
        "La start-up rennaise Brelvia lève 10 millions d'euros auprès de Norvest Capital. Brelvia compte "
        "40 salariés.\n\n« Brelvia peut devenir un champion européen », estime Yann Kerlo, associé chez "
        "Norvest Capital, qui rejoint le conseil d'administration de la start-up."
    )
    seats = [(e["org"], e["person"]) for e in events(extract, text, "appointment")]
    assert seats == [("Brelvia", "Yann Kerlo")]  # not at Norvest Capital, where he is a partner


def test_a_lead_with_the_amount_names_the_company_of_the_round(extract):
    text = (
        "Levées de fonds de la semaine\n\n"
        "Quarto, 2 M€. La start-up toulousaine lève 2 millions d'euros auprès de Side Capital.\n\n"
        "Norvane, 5 M€. La start-up rennaise Brelvia lève 4 millions d'euros auprès de Kima Ventures."
    )
    found = {e["amount"]["value"]: e["org"] for e in events(extract, text, "funding")}
    # a name the entity stage may not know as a company; another amount than the lead's is not its round
    assert (found.get(2e6), found.get(4e6)) == ("Quarto", "Brelvia")
