"""The object of a launch verb (issues #12 and #15, branch evl8): a quoted name, an aside between commas
before the object, a noun the tagger reads as a verb in it, products listed after the first one or after
a colon, the plural and future forms of the verbs; on sentences written for the project (invented
companies and products), each with a case that must not fire."""

from __future__ import annotations

from tests.nlp.test_events_syntax import events


def launches(extract, text: str) -> list[tuple[str, str]]:
    return [(e["org"], e["product"]) for e in events(extract, text, "launch")]


def test_a_quoted_name_after_a_launch_verb_is_the_product(extract):
    text = "Cette semaine, la biscuiterie Kordel lance « Les Goûters du Phare », une gamme de galettes bio."
    assert launches(extract, text) == [("Kordel", "Les Goûters du Phare")]


def test_a_quoted_saying_after_a_launch_verb_is_no_product(extract):
    text = "Le groupe Brunel lance « Nous voulons grandir vite », a résumé son patron."
    assert launches(extract, text) == []


def test_an_aside_between_commas_before_the_object(extract):
    text = (
        "La start-up Pelvio a dévoilé jeudi, lors d'une conférence à Lyon, sa montre connectée Pelvio Wave."
    )
    assert launches(extract, text) == [("Pelvio", "Pelvio Wave")]


def test_an_aside_then_another_object_is_no_launch(extract):
    text = "La start-up Pelvio a dévoilé jeudi, lors d'une conférence à Lyon, ses résultats, dont les ventes de la Pelvio Wave."
    assert launches(extract, text) == []


def test_a_noun_read_as_a_verb_in_the_object(extract):
    text = "La start-up Pelvio dévoile son premier produit, la montre Pelvio Wave."
    assert launches(extract, text) == [("Pelvio", "Pelvio Wave")]


def test_two_products_launched_together(extract):
    text = "Le groupe Dantel dévoile Norva-X2 et Norva Cloud 3 pour séduire les industriels."
    assert launches(extract, text) == [("Dantel", "Norva-X2"), ("Dantel", "Norva Cloud 3")]


def test_a_name_after_the_product_that_a_verb_follows_is_no_product_launched(extract):
    text = "La PME Kordel lance Orbis et Kalvane dénonce ce choix."
    assert launches(extract, text) == [("Kordel", "Orbis")]


def test_products_listed_after_a_colon_closing_a_plural_product_word(extract):
    text = (
        "Le fabricant coréen Hanvel a présenté mardi, lors d'une conférence à Paris, ses deux nouvelles "
        "tablettes pour le marché européen : la Hanvel Tab 9 et la Hanvel Tab 9 Mini."
    )
    assert launches(extract, text) == [("Hanvel", "Hanvel Tab 9"), ("Hanvel", "Hanvel Tab 9 Mini")]


def test_a_future_plural_launch_verb(extract):
    text = "Les groupes Orbel et Kavi commercialiseront en mars Velto Grip, un capteur pour les cyclistes."
    assert [product for _, product in launches(extract, text)] == ["Velto Grip"]


def test_a_participle_describing_an_old_activity_is_no_launch(extract):
    text = (
        "Le groupe Dantel avait vendu en 2020 son activité de caisses, commercialisée sous la marque Caisso."
    )
    assert launches(extract, text) == []


def test_a_name_given_by_a_participle_opening_the_sentence_of_a_passive_launch(extract):
    text = "La start-up Silvane a présenté sa puce au salon. Baptisée Orvane R2, la puce a été officiellement lancée à cette occasion."
    assert launches(extract, text) == [("Silvane", "Orvane R2")]


def test_a_product_named_so_and_abandoned_is_no_launch(extract):
    text = "La start-up Silvane grandit. Baptisée Orvane R2, la puce a été officiellement abandonnée en mai."
    assert launches(extract, text) == []


def test_the_release_of_a_product_confirmed_is_a_launch_not_when_delayed(extract):
    text = "Le studio Pixelor confirme la sortie de Brume Quest, son jeu d'aventure, le 12 mars."
    assert launches(extract, text) == [("Pixelor", "Brume Quest")]
    delayed = "Le studio Pixelor a repoussé la sortie de Brume Quest, son jeu d'aventure, à 2027."
    assert launches(extract, delayed) == []


def test_the_release_of_a_named_product_is_a_launch(extract):
    text = "L'éditeur lillois Brumelab a confirmé mercredi la sortie d'Orage: Renaissance le 3 avril sur PC."
    assert launches(extract, text) == [("Brumelab", "Orage: Renaissance")]


def test_a_launch_a_person_steered_in_a_former_job_is_no_launch(extract):
    text = (
        "Âgée de 47 ans, la nouvelle dirigeante de Kordel était jusqu'ici directrice chez Dantel, où elle "
        "a notamment piloté le lancement du Vexa E-Van."
    )
    assert launches(extract, text) == []
    assert launches(extract, "La société Kordel annonce le lancement du Vexa E-Van.") == [
        ("Kordel", "Vexa E-Van")
    ]


def test_a_version_of_a_known_line_is_launched_as_written(extract):
    assert launches(extract, "Microsoft décide de lancer Windows 12 le 29 juillet.") == [
        ("Microsoft", "Windows 12")
    ]
    assert launches(extract, "Apple lance l'iPhone en Inde.") == [("Apple", "iPhone")]


def test_a_reference_noun_with_a_relative_clause_launches_for_the_passage_s_company(extract):
    text = (
        "La start-up Silvane grandit vite. L'entreprise, qui a levé 48 millions d'euros depuis sa création, "
        "notamment auprès de l'EIC Fund et de Bpifrance, lance également Orvakit, un kit de développement."
    )
    assert launches(extract, text) == [("Silvane", "Orvakit")]
    named = (
        "Le fabricant de trottinettes Zelvo, placé en redressement, lance Zelvo Go, un service de location."
    )
    assert launches(extract, named) == [("Zelvo", "Zelvo Go")]
