// The tray app's translations: the Simplified Chinese .qm embedded at :/i18n translates every string of the
// committed .ts file (none unfinished or empty, placeholders kept), the English one has every plural form, and
// the .ts files hold every tr() string of gui/ (a string added without `update_translations` fails here).

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>
#include <QXmlStreamReader>

namespace {

struct Message
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type;             ///< "unfinished", "vanished", "obsolete" or empty (finished)
    QStringList translations; ///< one, or one per plural form

    QString key() const { return context + u'\x1f' + source + u'\x1f' + comment; }
    QString name() const { return context + QStringLiteral(": ") + source.left(60); }
};

/// Every message of a Qt Linguist .ts file.
QList<Message> readTs(const QString& path, QString* error)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            if (xml.isEndElement() && xml.name() == QLatin1String("message"))
                messages << message;
            continue;
        }
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = Message();
            message.context = context;
            message.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            message.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            if (!message.numerus)
                message.translations << xml.readElementText();
        } else if (name == QLatin1String("numerusform")) {
            message.translations << xml.readElementText();
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

/// The placeholders of a text (%1…%99, %L1, %n, %Ln), sorted, each once.
QStringList placeholders(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("%L?(\\d{1,2}|n)"));
    QSet<QString> found;
    for (const QRegularExpressionMatch& match : pattern.globalMatch(text))
        found << match.captured(0).remove(QLatin1Char('L'));
    QStringList sorted(found.cbegin(), found.cend());
    sorted.sort();
    return sorted;
}

QString tsPath(const QString& language)
{
    return QStringLiteral(JCR_TRANSLATIONS_DIR "/jcr-mcp_%1.ts").arg(language);
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void chineseIsComplete_data();
    void chineseIsComplete();
    void englishPluralsAreComplete_data();
    void englishPluralsAreComplete();
    void everySourceStringIsInTheTsFiles_data();
    void everySourceStringIsInTheTsFiles();

private:
    QTranslator m_chinese;
    QTranslator m_english;
};

void TestTranslations::initTestCase()
{
    QVERIFY2(m_chinese.load(QStringLiteral(":/i18n/jcr-mcp_zh_CN.qm")), "no :/i18n/jcr-mcp_zh_CN.qm embedded");
    QVERIFY2(m_english.load(QStringLiteral(":/i18n/jcr-mcp_en.qm")), "no :/i18n/jcr-mcp_en.qm embedded");
    QCOMPARE(m_chinese.language(), QStringLiteral("zh_CN"));
}

void TestTranslations::chineseIsComplete_data()
{
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("comment");
    QTest::addColumn<bool>("numerus");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QStringList>("translations");
    QString error;
    const QList<Message> messages = readTs(tsPath(QStringLiteral("zh_CN")), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!messages.isEmpty());
    for (const Message& m : messages)
        QTest::addRow("%s", qPrintable(m.name()))
            << m.context << m.source << m.comment << m.numerus << m.type << m.translations;
}

void TestTranslations::chineseIsComplete()
{
    QFETCH(QString, context);
    QFETCH(QString, source);
    QFETCH(QString, comment);
    QFETCH(bool, numerus);
    QFETCH(QString, type);
    QFETCH(QStringList, translations);
    QVERIFY2(type.isEmpty(), qPrintable(QStringLiteral("translation is %1").arg(type)));
    QCOMPARE(translations.size(), 1); // Chinese has a single plural form
    const QString translation = translations.first();
    QVERIFY2(!translation.trimmed().isEmpty(), "empty translation");
    QCOMPARE(placeholders(translation), placeholders(source));
    if (numerus)
        QVERIFY(source.contains(QLatin1String("%n")));

    // The embedded .qm gives the same text (lrelease ran on this very .ts).
    const QByteArray contextBytes = context.toUtf8();
    const QByteArray sourceBytes = source.toUtf8();
    const QByteArray commentBytes = comment.toUtf8();
    const char* disambiguation = comment.isEmpty() ? nullptr : commentBytes.constData();
    QCOMPARE(m_chinese.translate(contextBytes.constData(), sourceBytes.constData(), disambiguation, numerus ? 2 : -1),
             translation);
}

void TestTranslations::englishPluralsAreComplete_data()
{
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QStringList>("forms");
    QString error;
    const QList<Message> messages = readTs(tsPath(QStringLiteral("en")), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (const Message& m : messages) {
        if (m.numerus) // the English texts are the sources; only plural forms need translating
            QTest::addRow("%s", qPrintable(m.name())) << m.context << m.source << m.translations;
    }
}

void TestTranslations::englishPluralsAreComplete()
{
    QFETCH(QString, context);
    QFETCH(QString, source);
    QFETCH(QStringList, forms);
    QCOMPARE(forms.size(), 2); // singular and plural
    for (const QString& form : forms) {
        QVERIFY2(!form.trimmed().isEmpty(), "empty plural form");
        QCOMPARE(placeholders(form), placeholders(source));
    }
    QVERIFY(forms.at(0) != forms.at(1));
    const QByteArray contextBytes = context.toUtf8();
    const QByteArray sourceBytes = source.toUtf8();
    QCOMPARE(m_english.translate(contextBytes.constData(), sourceBytes.constData(), nullptr, 1), forms.at(0));
    QCOMPARE(m_english.translate(contextBytes.constData(), sourceBytes.constData(), nullptr, 5), forms.at(1));
}

void TestTranslations::everySourceStringIsInTheTsFiles_data()
{
    QTest::addColumn<QString>("language");
    QTest::addRow("zh_CN") << "zh_CN";
    QTest::addRow("en") << "en";
}

void TestTranslations::everySourceStringIsInTheTsFiles()
{
    QFETCH(QString, language);
    // lupdate writes what it finds in gui/ today into a scratch .ts; the committed one must hold all of it.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString scratch = dir.filePath(QStringLiteral("jcr-mcp_%1.ts").arg(language));
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(JCR_LUPDATE), {QStringLiteral(JCR_GUI_SOURCE_DIR), QStringLiteral("-I"),
                                                QStringLiteral(JCR_GUI_SOURCE_DIR), QStringLiteral("-ts"), scratch});
    QVERIFY2(lupdate.waitForFinished(120000), qPrintable(lupdate.errorString()));
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());

    QString error;
    const QList<Message> current = readTs(scratch, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!current.isEmpty());
    QSet<QString> committed;
    for (const Message& m : readTs(tsPath(language), &error)) {
        if (m.type != QLatin1String("vanished") && m.type != QLatin1String("obsolete"))
            committed << m.key();
    }
    QStringList missing;
    for (const Message& m : current) {
        if (!committed.contains(m.key()))
            missing << m.name();
    }
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("not in jcr-mcp_%1.ts (build the target "
                                                          "update_translations and translate them):\n%2")
                                               .arg(language, missing.join(u'\n'))));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
