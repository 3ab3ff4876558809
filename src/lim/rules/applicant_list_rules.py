"""The definitions (titles, sources, explanations) of the public applicant list rules;
the logic is in applicant_list.py."""

from __future__ import annotations

from lim.rules.base import Messages, RuleDefinition, RuleKind

_SOURCE = "offentleglova § 25"

APPLICANT_LIST_TIMING = RuleDefinition(
    id="APPLICANT-LIST-TIMING",
    title=Messages(
        nb="Søkerlisten etter søknadsfristen",
        nn="Søkjarlista etter søknadsfristen",
        en="The applicant list after the deadline",
    ),
    source=_SOURCE,
    explanation=Messages(
        nb=(
            "Den offentlige søkerlisten lages så snart som mulig etter den opprinnelige "
            "søknadsfristen, og aldri før. Blir fristen forlenget, gjelder fortsatt den "
            "opprinnelige fristen."
        ),
        nn=(
            "Den offentlege søkjarlista blir laga så snart som mogleg etter den opphavlege "
            "søknadsfristen, og aldri før. Blir fristen forlengd, gjeld framleis den "
            "opphavlege fristen."
        ),
        en=(
            "The public applicant list is produced as soon as possible after the original "
            "deadline, and never before. If the deadline is extended, the original deadline "
            "still applies."
        ),
    ),
    kind=RuleKind.LAW,
    state_only=False,
)

APPLICANT_LIST_EXEMPTION = RuleDefinition(
    id="APPLICANT-LIST-EXEMPTION",
    title=Messages(
        nb="Anmodning om unntak fra søkerlisten",
        nn="Oppmoding om unntak frå søkjarlista",
        en="Requests to be left off the applicant list",
    ),
    source=f"{_SOURCE} andre ledd",
    explanation=Messages(
        nb=(
            "En søker kan be om å bli unntatt fra den offentlige søkerlisten og må oppgi "
            "hvorfor. Hver anmodning avgjøres for seg, der allmennhetens interesse i hvem som "
            "søker stillingen, veies mot søkerens grunner, og avgjørelsen registreres med "
            "begrunnelse. Å innvilge alle anmodninger uten vurdering er ikke lov."
        ),
        nn=(
            "Ein søkjar kan be om å bli unnateken frå den offentlege søkjarlista og må oppgi "
            "kvifor. Kvar oppmoding blir avgjord for seg, der interessa ålmenta har i kven som "
            "søkjer stillinga, blir vegen mot grunnane til søkjaren, og avgjerda blir "
            "registrert med grunngiving. Å innvilge alle oppmodingar utan vurdering er ikkje "
            "lov."
        ),
        en=(
            "An applicant may ask to be left off the public applicant list and must say why. "
            "Each request is decided on its own, weighing the public interest in who applies "
            "for the position against the applicant's reasons, and the decision is recorded "
            "with its justification. Granting all requests without an assessment is unlawful."
        ),
    ),
    kind=RuleKind.LAW,
    state_only=False,
)

APPLICANT_LIST_NOTIFY = RuleDefinition(
    id="APPLICANT-LIST-NOTIFY",
    title=Messages(
        nb="Varsel om avslag før publisering",
        nn="Varsel om avslag før publisering",
        en="Notice of refusal before publication",
    ),
    source=_SOURCE,
    explanation=Messages(
        nb=(
            "Får en søker avslag på anmodningen om unntak, skal hen få vite det før listen "
            "publiseres, slik at hen kan trekke søknaden. Annonsen skal opplyse om at navnet "
            "kan bli offentlig."
        ),
        nn=(
            "Får ein søkjar avslag på oppmodinga om unntak, skal vedkomande få vite det før "
            "lista blir publisert, slik at vedkomande kan trekkje søknaden. Annonsen skal "
            "opplyse om at namnet kan bli offentleg."
        ),
        en=(
            "An applicant whose request is refused must be told before the list is published, "
            "so they can withdraw. The ad tells applicants that their name may be published."
        ),
    ),
    kind=RuleKind.LAW,
    state_only=False,
)

APPLICANT_LIST_PUBLISHED = RuleDefinition(
    id="APPLICANT-LIST-PUBLISHED",
    title=Messages(
        nb="Ingen fjerning etter publisering",
        nn="Inga fjerning etter publisering",
        en="No removal after publication",
    ),
    source=_SOURCE,
    explanation=Messages(
        nb=(
            "Når søkerlisten er publisert, kan ingen navn tas av den, heller ikke om søkeren "
            "trekker søknaden eller får unntak senere. Den utvidede søkerlisten, med utdanning "
            "og erfaring, er bare for partene."
        ),
        nn=(
            "Når søkjarlista er publisert, kan ingen namn takast av ho, heller ikkje om "
            "søkjaren trekkjer søknaden eller får unntak seinare. Den utvida søkjarlista, med "
            "utdanning og erfaring, er berre for partane."
        ),
        en=(
            "Once the applicant list is published, no name can be taken off it, even if the "
            "applicant withdraws or is exempted later. The extended list, with education and "
            "experience, is for the parties only."
        ),
    ),
    kind=RuleKind.LAW,
    state_only=False,
)

APPLICANT_LIST = RuleDefinition(
    id="APPLICANT-LIST",
    title=Messages(
        nb="Offentlig søkerliste", nn="Offentleg søkjarliste", en="Public applicant list"
    ),
    source=_SOURCE,
    explanation=Messages(
        nb=(
            "Den offentlige søkerlisten viser hver søkers navn, alder (ikke fødselsdato), "
            "stilling eller yrke og bostedskommune eller arbeidskommune, og det samlede antallet "
            "søkere fordelt på kjønn, også dem som er unntatt. LIM lager listen og sjekker "
            "frist, unntak, varsel og publisering samlet."
        ),
        nn=(
            "Den offentlege søkjarlista viser namnet til kvar søkjar, alder (ikkje "
            "fødselsdato), stilling eller yrke og bustadkommune eller arbeidskommune, og det "
            "samla talet på søkjarar fordelt på kjønn, også dei som er unnatekne. LIM lagar "
            "lista og sjekkar frist, unntak, varsel og publisering samla."
        ),
        en=(
            "The public applicant list shows each applicant's name, age (not date of birth), "
            "position or occupation and municipality of residence or work, and the total "
            "number of applicants by gender, exempted applicants included. LIM builds the "
            "list and checks deadline, exemptions, notice and publication together."
        ),
    ),
    kind=RuleKind.LAW,
    state_only=False,
    combines=(
        APPLICANT_LIST_TIMING.id,
        APPLICANT_LIST_EXEMPTION.id,
        APPLICANT_LIST_NOTIFY.id,
        APPLICANT_LIST_PUBLISHED.id,
    ),
)
