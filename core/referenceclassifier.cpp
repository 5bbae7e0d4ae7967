#include "referenceclassifier.h"

#include <QRegularExpression>
#include <QStringList>

namespace jcr {

QString ReferenceClassifier::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Venue:
        return QStringLiteral("venue");
    case Kind::NoVenue:
        return QStringLiteral("no_venue");
    case Kind::MissingVenue:
        return QStringLiteral("missing_venue");
    case Kind::Preprint:
        return QStringLiteral("preprint");
    case Kind::Placeholder:
        return QStringLiteral("placeholder");
    case Kind::Invalid:
        return QStringLiteral("invalid");
    }
    return {};
}

QString ReferenceClassifier::preprintServer(const QString& text)
{
    struct Server
    {
        const char* pattern;
        const char* name;
    };
    // Names and hosts; DBLP writes arXiv papers as journal = {CoRR}.
    static const Server servers[] = {
        {"\\barxiv\\b|arxiv\\.org|^corr$|\\bcorr\\s+abs/", "arXiv"},
        {"\\bbiorxiv\\b", "bioRxiv"},
        {"\\bmedrxiv\\b", "medRxiv"},
        {"\\bchemrxiv\\b", "ChemRxiv"},
        {"\\bpsyarxiv\\b", "PsyArXiv"},
        {"\\bssrn\\b|ssrn\\.com|social science research network", "SSRN"},
        {"research\\s*square|researchsquare\\.com", "Research Square"},
        {"\\bpreprints\\.org\\b", "Preprints.org"},
        {"\\bosf\\s+preprints\\b|osf\\.io/preprints", "OSF Preprints"},
        {"\\btechrxiv\\b", "TechRxiv"},
        {"10\\.48550/arxiv", "arXiv"},
        {"10\\.1101/", "bioRxiv/medRxiv"},
        {"10\\.2139/ssrn", "SSRN"},
        {"10\\.21203/rs\\.", "Research Square"},
    };
    static const QList<QPair<QRegularExpression, QString>> compiled = [] {
        QList<QPair<QRegularExpression, QString>> list;
        for (const Server& server : servers)
            list.append({QRegularExpression(QLatin1String(server.pattern), QRegularExpression::CaseInsensitiveOption),
                         QLatin1String(server.name)});
        return list;
    }();
    const QString trimmed = text.trimmed();
    for (const auto& [pattern, name] : compiled) {
        if (pattern.match(trimmed).hasMatch())
            return name;
    }
    return {};
}

bool ReferenceClassifier::isPlaceholder(const QString& venue)
{
    // [FILL], [TODO], TODO, TBD, XXX, ??, ..., <journal>, "Journal Name": text that stands for a venue.
    static const QRegularExpression whole(
        QStringLiteral("^\\s*(\\[[^\\]]*\\]|\\?+|\\.{3,}|…|<[^>]*>|x{3,}|todo\\b.*|tbd|tba|fill( in)?\\b.*|"
                       "journal( name)?|venue|n/?a|none|unknown|-+)\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    // Inside a longer text only the shouting forms count: "Revista para todo" is a name.
    static const QRegularExpression inside(QStringLiteral("\\?\\?|\\[FILL|\\[TODO|\\bTODO\\b|\\bTBD\\b|\\bXXX\\b"));
    return whole.match(venue).hasMatch() || inside.match(venue).hasMatch();
}

bool ReferenceClassifier::isNoVenueType(const QString& format, const QString& type)
{
    const QString t = type.toLower();
    if (format == QLatin1String("bibtex")) {
        static const QStringList types{
            QStringLiteral("book"),        QStringLiteral("inbook"),      QStringLiteral("incollection"),
            QStringLiteral("booklet"),     QStringLiteral("manual"),      QStringLiteral("techreport"),
            QStringLiteral("report"),      QStringLiteral("phdthesis"),   QStringLiteral("mastersthesis"),
            QStringLiteral("thesis"),      QStringLiteral("unpublished"), QStringLiteral("online"),
            QStringLiteral("www"),         QStringLiteral("electronic"),  QStringLiteral("patent"),
            QStringLiteral("dataset"),     QStringLiteral("software"),    QStringLiteral("misc"),
            QStringLiteral("proceedings"), QStringLiteral("collection"),  QStringLiteral("mvbook"),
            QStringLiteral("standard"),    QStringLiteral("reference"),   QStringLiteral("bookinbook"),
        };
        return types.contains(t);
    }
    if (format == QLatin1String("ris")) {
        static const QStringList types{
            QStringLiteral("book"),   QStringLiteral("chap"), QStringLiteral("ebook"),   QStringLiteral("echap"),
            QStringLiteral("edbook"), QStringLiteral("thes"), QStringLiteral("rprt"),    QStringLiteral("gen"),
            QStringLiteral("elec"),   QStringLiteral("web"),  QStringLiteral("unpb"),    QStringLiteral("pat"),
            QStringLiteral("data"),   QStringLiteral("comp"), QStringLiteral("manscpt"), QStringLiteral("stand"),
            QStringLiteral("blog"),   QStringLiteral("map"),  QStringLiteral("pamp"),
        };
        return types.contains(t);
    }
    if (format == QLatin1String("csl-json")) {
        static const QStringList types{
            QStringLiteral("book"),
            QStringLiteral("chapter"),
            QStringLiteral("report"),
            QStringLiteral("thesis"),
            QStringLiteral("manuscript"),
            QStringLiteral("webpage"),
            QStringLiteral("post"),
            QStringLiteral("post-weblog"),
            QStringLiteral("dataset"),
            QStringLiteral("software"),
            QStringLiteral("patent"),
            QStringLiteral("standard"),
            QStringLiteral("entry-encyclopedia"),
            QStringLiteral("entry-dictionary"),
            QStringLiteral("document"),
            QStringLiteral("article"),
        };
        return types.contains(t);
    }
    return false;
}

ReferenceClassifier::Verdict ReferenceClassifier::classify(const ReferenceEntry& entry)
{
    if (!entry.problem.isEmpty())
        return {Kind::Invalid, entry.problem};
    if (!entry.venue.isEmpty()) {
        // The venue itself names a preprint server ("arXiv preprint arXiv:2101.00001", "bioRxiv", "CoRR").
        const QString server = preprintServer(entry.venue);
        if (!server.isEmpty())
            return {Kind::Preprint, server};
        if (isPlaceholder(entry.venue))
            return {Kind::Placeholder, entry.venue};
        return {Kind::Venue, {}};
    }
    // No venue: an eprint or a preprint URL says where it is; a journal article with an arXiv eprint has a
    // venue and never gets here.
    QString server = preprintServer(entry.eprint);
    if (server.isEmpty())
        server = preprintServer(entry.url);
    if (!server.isEmpty())
        return {Kind::Preprint, server};
    if (entry.format == QLatin1String("plain") || isNoVenueType(entry.format, entry.type))
        return {Kind::NoVenue, entry.type};
    if (!entry.issn.isEmpty())
        return {Kind::Venue, {}};
    return {Kind::MissingVenue, entry.type};
}

} // namespace jcr
