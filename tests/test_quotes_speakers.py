"""Speaker resolution: who a quote goes to. Each test is one construction of English news, written for
this file (invented names, places and events); each asserts the speaker extract() returns."""
from __future__ import annotations

from tui.quotes import extract


def speaker_of(text: str, part: str) -> str:
    qs = [q for q in extract(text) if part in q.text]
    assert len(qs) == 1, [(q.text, q.speaker) for q in extract(text)]
    return qs[0].speaker


# --- organisations: acronyms, legal forms, their documents -----------------------------------

def test_an_acronym_is_the_organisation_named_in_full_elsewhere_in_the_article():
    text = ("The couple received a letter from Harbour, Fisheries and Coastal Safety Norvia on Monday.\n\n"
            "\"We are stunned,\" Lena Varga said.\n\n"
            "In a statement, HFCSN said the file was still under review.")
    assert speaker_of(text, "under review") == "Harbour, Fisheries and Coastal Safety Norvia"


def test_an_acronym_in_parentheses_and_the_department_after_it():
    text = ("Officials at the Tarrow Rail Safety Board (TRSB) opened an inquiry on Monday.\n\n"
            "TRSB said the signals had failed twice. The board added that a report would follow in May.")
    assert speaker_of(text, "signals had failed") == "Tarrow Rail Safety Board"
    assert speaker_of(text, "report would follow") == "Tarrow Rail Safety Board"


def test_a_company_is_named_without_its_legal_form():
    text = ("The terminal is run by Norvik Shipping Corp. and opened in 2009.\n\n"
            "Norvik Shipping said it would hire 40 more dock workers next year.")
    assert speaker_of(text, "40 more dock workers") == "Norvik Shipping"


def test_a_statement_named_for_its_organisation_speaks_for_it():
    text = ("Officers from the Harbour Police closed the road on Monday.\n\n"
            "The Harbour Police statement said that the road would reopen on Friday.")
    assert speaker_of(text, "reopen on Friday") == "Harbour Police"


# --- people: titles, shared name parts --------------------------------------------------------

def test_a_title_with_its_country_and_an_of_phrase_before_the_name():
    text = ("In an interview on Monday, U.S. Secretary of State Ann Kellerman praised the deal and said she "
            "expected more talks in the spring.")
    assert speaker_of(text, "more talks") == "Ann Kellerman"


def test_a_family_name_written_first_goes_to_the_person_the_text_means():
    text = ("Northland leader Park Sung-ho arrived in Velm on Monday with senior officials, including "
            "Park Dae-jin, his envoy.\n\n"
            "Park held talks with the premier. Park Sung-ho spoke to reporters after lunch.\n\n"
            "Park said in a speech he was ready to sign the treaty this year.")
    assert speaker_of(text, "ready to sign") == "Park Sung-ho"


# --- descriptions and pronouns ---------------------------------------------------------------

def test_plural_officials_are_never_one_named_person():
    text = ("Governor Ada Brisk signed the order on Monday.\n\n"
            "The order will stay in force for a year, the officials said.")
    assert speaker_of(text, "stay in force") == "the officials"


def test_a_place_after_a_comma_is_no_subject_a_pronoun_can_stand_for():
    text = ("Lawyer Mara Quist said the rules were unfair to families.\n\n"
            "Her clients live at a shelter in Dunmore, Ont.\n\n"
            "The fees are too high for many of them, she said.")
    assert speaker_of(text, "fees are too high") == "Mara Quist"


def test_an_acronym_is_no_person_for_he():
    text = ("Tom Ridley, a farmer, spoke outside the hall.\n\n"
            "The NFU said prices would fall. He believes farms should leave the NFU.\n\n"
            "\"We are on our own,\" he said.")
    assert speaker_of(text, "on our own") == "Tom Ridley"


def test_a_caption_opened_by_its_credit_is_not_read_for_subjects():
    text = ("Lawyer Mara Quist said the rules were unfair to families.\n\n"
            "The Canadian Press Refugee Omar Haddad watches as his daughters Lina and Sara play at home.\n\n"
            "The fees are too high for many of them, she said.")
    assert speaker_of(text, "fees are too high") == "Mara Quist"
