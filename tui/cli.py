"""Command line (placeholder, issue 2)."""


def main() -> None:
    print("newsreader")
