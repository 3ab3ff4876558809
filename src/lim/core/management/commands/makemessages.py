from django.core.management.commands import makemessages


class Command(makemessages.Command):
    # A guessed (fuzzy) translation is worse than none: it shows a wrong text until
    # someone notices. New strings stay empty, and the tests demand a translation.
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
