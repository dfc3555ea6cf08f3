"""Which quotes exist and where they start and end: each test is one construction of English news,
written with invented names and events, asserting the quote texts and kinds extract() returns."""
from __future__ import annotations

import pytest

from tui.quotes import extract


def found(text: str) -> list[tuple[str, str]]:
    return [(q.text, q.type) for q in extract(text)]


# --- a reporting verb with a plain object reports nothing ---------------------

@pytest.mark.parametrize("text", [
    "The storm pushed warm air north, explaining the mild weather on the coast.",
    "Tomas Brekke won the race twice and boasts three other podium finishes.",
    "Lena Fosse believes the tax is fair and acknowledges the gains made by homeowners.",
])
def test_a_participle_or_coordinated_cue_with_a_plain_object_is_no_quote(text):
    assert found(text) == []


def test_a_participle_with_a_wh_clause_or_quoted_words_is_a_report():
    text = "Ada Lund spoke for an hour, explaining why the clinic had to close."
    assert found(text) == [("why the clinic had to close", "indirect")]
    text = "Pia Holm thanked the crew and boasted of their \"unmatched\" safety record."
    assert found(text) == [("of their \"unmatched\" safety record", "mixed")]


# --- evidence is no speaker -----------------------------------------------------

@pytest.mark.parametrize("text", [
    "The data suggests Ostrian firms may be less confident about new machinery.",
    "On Thursday, a private survey suggested that factory output in Tarrow had slowed.",
    "The chart below highlights the close link between low rates and the rally in shares.",
])
def test_figures_suggesting_or_indicating_are_no_quote(text):
    assert found(text) == []


def test_a_report_or_a_person_suggesting_is_still_a_quote():
    text = "Ada Lund suggested that factory output in Tarrow had slowed."
    assert found(text) == [("factory output in Tarrow had slowed", "indirect")]


# --- an object, then the subject's own next verb ----------------------------------

@pytest.mark.parametrize("text", [
    "Officials in Tarrow have reported little progress on the tariffs but are hopeful about next week.",
    "The Courier requested access to the photographs but it was denied.",
    "The ferry operator responded a few minutes later when the harbour master arrived.",
])
def test_a_verb_after_but_or_in_a_when_clause_does_not_make_the_object_a_report(text):
    assert found(text) == []


def test_a_reported_clause_after_the_same_verbs_is_kept():
    text = "Officials in Tarrow have reported that the talks stalled."
    assert found(text) == [("the talks stalled", "indirect")]


# --- names given, pleas and appeals in court -----------------------------------

@pytest.mark.parametrize("text", [
    "A settlement, also called a consent order, would end the case against the port.",
    "Last year, former director Norm Marin pleaded guilty to breaking the election law.",
    "Garnet, who was convicted in May, is appealing his conviction and sentence.",
    "If the judge agrees, Vance can appeal that decision to the Court of Appeal.",
])
def test_naming_pleading_guilty_and_appealing_a_ruling_are_no_quotes(text):
    assert found(text) == []


@pytest.mark.parametrize("text,quote", [
    ("Ada Lund appealed to residents to stay indoors.", "to residents to stay indoors"),
    ("Ada Lund called the plan a disgrace.", "the plan a disgrace"),
])
def test_appeals_to_people_and_calling_something_are_reports(text, quote):
    assert found(text) == [(quote, "indirect")]


@pytest.mark.parametrize("text", [
    "Pia Holm won at Kessel four times and has contended in several other years at the course.",
    "Ada Lund repeatedly cited privacy rules while indicating the order would not apply to past cases.",
    "Several firms have announced plans to close their plants in April while others have started stockpiling.",
    "Tomas Brekke denied the request for phone numbers, characterizing that kind of contact as intrusive.",
])
def test_a_verb_after_while_or_a_cue_after_a_comma_does_not_make_the_object_a_report(text):
    assert [q for q in found(text) if q[0].startswith(("in several", "privacy", "plans", "the request"))] == []


def test_an_object_as_something_is_a_report():
    text = "The audit cited an internal memo as pointing to a foreign hacker."
    assert found(text) == [("an internal memo as pointing to a foreign hacker", "indirect")]


@pytest.mark.parametrize("text", [
    '"The bill is a disaster," Ada Lund told the House before attacking the minister\'s offer.',
    "Subsequent videos showed a cluster of men calling themselves the Night Watch who hurled insults.",
    "In early October, the traders were rudely reminded that rates drive the price of shares.",
    "Residents hoisted signs and banners at a May protest against the new tax on large homes.",
])
def test_infinitives_adjunct_participles_names_taken_passives_and_months_are_no_reports(text):
    assert [q for q in found(text) if q[1] != "direct"] == []


def test_an_infinitive_after_a_cue_is_its_content_not_an_adjunct():
    text = "In the fraud case, the senders threatened to release the videos, recorded through webcams, unless paid."
    assert found(text) == [("to release the videos, recorded through webcams, unless paid", "indirect")]


def test_a_that_clause_opening_with_by_or_while_is_still_content():
    text = "Organizers in Kessel say that by imposing strict rules, the city makes clashes more likely."
    assert found(text) == [("by imposing strict rules, the city makes clashes more likely", "indirect")]
    text = "Mayor Ada Lund calls herself a democratic socialist."
    assert found(text) == [("herself a democratic socialist", "indirect")]


# --- a relative clause around the cue ------------------------------------------

@pytest.mark.parametrize("text,quote", [
    ("Vance was treated for two wounds that police said did not appear self-inflicted.",
     "did not appear self-inflicted"),
    ("Kessel is far from the cuts that the climate panel says are needed to avert a crisis.",
     "are needed to avert a crisis"),
    ("Lund ended the evening by reading a poem she said was written by her grandmother.",
     "was written by her grandmother"),
])
def test_the_report_goes_on_after_the_cue_in_a_relative_clause(text, quote):
    assert found(text) == [(quote, "indirect")]


@pytest.mark.parametrize("text", ["Everything that Lund says is a lie.", "All that Vance said was beside the point."])
def test_what_someone_says_as_a_subject_is_no_report(text):
    assert found(text) == []


# --- embedded posts -------------------------------------------------------------

def test_an_embedded_post_is_its_authors_words():
    text = ("The storm cut power across the island.\n\n"
            "Less than 60,000 customers remain without power. Crews are climbing poles all night. "
            "pic.twitter.com/AbC123xyz — Kessel Hydro (@kesselhydro) December 22, 2018\n\n"
            "You never show up to debate me. Bring it, but you won’t. https://t.co/Xy12Ab — Ada Lund (@AdaLund) "
            "December 18, 2018\n")
    qs = extract(text)
    assert [(q.text, q.type, q.speaker) for q in qs] == [
        ("Less than 60,000 customers remain without power. Crews are climbing poles all night.", "direct",
         "Kessel Hydro"),
        ("You never show up to debate me. Bring it, but you won’t.", "direct", "Ada Lund"),
    ]


def test_a_handle_in_running_text_is_no_post():
    text = "Ada Lund (@AdaLund) posted a photo of the flooded road on Monday."
    assert found(text) == []


def test_a_cue_noun_heading_the_subject_after_a_quotation():
    text = "“The league knew about the injuries for years and did nothing,” the civil claim said."
    assert found(text) == [("The league knew about the injuries for years and did nothing,", "direct")]


def test_content_before_an_interrupting_cue_followed_by_especially():
    text = "Meeting the fees can be almost impossible for some families, Ada Lund said, especially the newest arrivals."
    assert found(text) == [("Meeting the fees can be almost impossible for some families", "indirect")]


def test_a_that_clause_after_for_and_a_listener():
    text = "Ada Lund noted for the judge that the number of animals had doubled since the last raid."
    assert found(text) == [("the number of animals had doubled since the last raid", "indirect")]


def test_a_post_or_a_sign_reads():
    text = "“We will be back in the spring with a bigger crew,” the notice on the door read."
    assert found(text) == [("We will be back in the spring with a bigger crew,", "direct")]


# --- discourse words around the subject ------------------------------------------

@pytest.mark.parametrize("text,quote", [
    ("Vance however said he would welcome a deal on the border.", "he would welcome a deal on the border"),
    ("Ada Lund, for her part, said the plan would fail.", "the plan would fail"),
    ("Even the organizer of the rally said the new rules raised the risk of violence.",
     "the new rules raised the risk of violence"),
])
def test_a_subject_with_a_discourse_adverb_or_a_focus_word(text, quote):
    assert found(text) == [(quote, "indirect")]


# --- a report going on after a semicolon; a new sentence after a quotation ------------

def test_a_trailing_report_goes_on_after_a_semicolon():
    text = ("The union had two broad aims, Ada Lund writes; to challenge how membership was decided, "
            "and to extend any gains to all workers.")
    assert found(text) == [("The union had two broad aims", "indirect"),
                           ("to challenge how membership was decided, and to extend any gains to all workers",
                            "indirect")]
    text = "Porters were blamed for small faults, Lund writes; such charges “tended to multiply close to retirement.”"
    assert found(text)[1] == ("such charges “tended to multiply close to retirement.”", "mixed")


def test_a_that_clause_after_a_closed_quotation_is_a_new_report():
    text = ("The minister wrote: “We do not think it would be a good thing.” Lund writes that early politicians "
            "feared the turmoil they saw elsewhere.")
    qs = extract(text)
    assert [(q.text, q.type, q.speaker) for q in qs] == [
        ("We do not think it would be a good thing.", "direct", "the minister"),
        ("early politicians feared the turmoil they saw elsewhere", "indirect", "Lund"),
    ]


def test_a_quotation_then_a_name_with_a_long_apposition_and_the_cue():
    text = ('"The north is eager to show it has other options," Ada J. Lund, director of defence studies at the '
            'Kessel-based Centre for the Study of Security, said in an e-mailed statement.')
    assert found(text) == [("The north is eager to show it has other options,", "direct")]


@pytest.mark.parametrize("text,quote", [
    ("Ada Lund told the Courier the plan was dead.", "the plan was dead"),
    ("Ada Lund told the Courier she left the board last winter, after serving three years.",
     "she left the board last winter, after serving three years"),
])
def test_told_a_named_addressee_then_a_bare_clause(text, quote):
    assert found(text) == [(quote, "indirect")]


# --- adjectives and determiners that look like cues and complementizers -----------------

def test_a_participle_after_a_number_is_an_adjective():
    assert found("Lund leads Vance by 271 pledged delegates after the vote in Kessel.") == []


def test_that_as_a_determiner_after_a_cue_opens_no_clause():
    assert found("Podesta reiterated that approach in his interview last week.") == []
    assert found("Podesta reiterated that plans for the vote had changed.") == [
        ("plans for the vote had changed", "indirect")]


def test_a_trailing_cue_with_an_addressee_and_an_adjunct_participle():
    text = ("The vote was “a catastrophic defeat for this government,” Mr. Vance told the House before attacking "
            "the offer to work with other parties.")
    assert found(text) == [("The vote was “a catastrophic defeat for this government,”", "mixed")]


def test_an_inverted_question_cue_before_the_quotation():
    text = ("Rather than the current layout, in which members sit facing each other, asks Policy Options editor "
            "Jane Roe, “has anyone considered whether other designs might work better?”")
    assert [(q.text, q.type, q.speaker) for q in extract(text)] == [
        ("has anyone considered whether other designs might work better?", "direct", "Jane Roe")]


def test_voicing_quoted_words_is_a_mixed_quote_and_voicing_alone_is_none():
    assert found("Marc Lund voiced his “frustration, anger and helplessness” on Twitter after the rescue.") == [
        ("his “frustration, anger and helplessness” on Twitter after the rescue", "mixed")]
    assert found("Marc Lund voiced his frustration with the slow rescue on Twitter.") == []


def test_a_hypothetical_speaker_in_a_when_clause_reports_nothing():
    assert found("A renoviction is when a landlord tells a tenant they have to move out for repairs.") == []
    assert found("When a reporter asked Lund if the budget was short, she laughed.") != []


def test_a_second_quotation_joined_by_and_is_the_same_speakers():
    text = "Outside the hall, the protesters chanted, “Build that wall now!” and “Go back where you came from!”"
    assert [(q.text, q.type, q.speaker) for q in extract(text)] == [
        ("Build that wall now!", "direct", "the protesters"),
        ("Go back where you came from!", "direct", "the protesters")]


def test_may_as_a_name_before_a_cue_is_no_month():
    assert found("Theresa May called for calm after the vote in the Commons.") == [
        ("calm after the vote in the Commons", "indirect")]


@pytest.mark.parametrize("text,quote", [
    ("The force will help the Kurds, Defence Minister Ada Lund told a Senate panel Wednesday.",
     "The force will help the Kurds"),
    ("The union will likely sit out the election, director Tom Brekke told the Courier earlier this week.",
     "The union will likely sit out the election"),
])
def test_a_trailing_told_with_its_addressee_and_a_time(text, quote):
    assert found(text) == [(quote, "indirect")]


@pytest.mark.parametrize("text,quote", [
    ("Ada Lund told a Kessel Nurses gathering in Tarrow she will protect the clinics.", "she will protect the clinics"),
    ("Ada Lund told a Senate committee the budget was short.", "the budget was short"),
])
def test_told_a_named_gathering_then_a_bare_clause(text, quote):
    assert found(text) == [(quote, "indirect")]
