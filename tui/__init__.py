"""newsreader: a terminal news reader that shows who said what."""
