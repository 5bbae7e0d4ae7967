// CcfFields: what users type for a CCF field (领域), in Chinese or English, whole or in part, resolved to the
// name the CCF list stores; ambiguous and unknown names get an error that lists the candidates.

#include "ccffields.h"

#include <QtTest>

using jcr::CcfFields;

namespace {

/// The fields as the CCF 2026 list spells them (the real list is checked against these in tst_realdata).
const QStringList Fields{
    QStringLiteral("交叉/综合/新兴"),       QStringLiteral("人工智能"),
    QStringLiteral("人机交互与普适计算"),   QStringLiteral("数据库/数据挖掘/内容检索"),
    QStringLiteral("网络与信息安全"),       QStringLiteral("计算机体系结构/并行与分布计算/存储系统"),
    QStringLiteral("计算机图形学与多媒体"), QStringLiteral("计算机科学理论"),
    QStringLiteral("计算机网络"),           QStringLiteral("软件工程/系统软件/程序设计语言"),
};

} // namespace

class TestCcfFields : public QObject
{
    Q_OBJECT

private slots:
    void resolves_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("field");
        QTest::addRow("Chinese name") << QStringLiteral("人工智能") << QStringLiteral("人工智能");
        QTest::addRow("English name") << "artificial intelligence" << QStringLiteral("人工智能");
        QTest::addRow("English, other case and spaces") << "  Artificial   INTELLIGENCE " << QStringLiteral("人工智能");
        QTest::addRow("short name") << "AI" << QStringLiteral("人工智能");
        QTest::addRow("Chinese part between slashes")
            << QStringLiteral("数据挖掘") << QStringLiteral("数据库/数据挖掘/内容检索");
        QTest::addRow("English part") << "data mining" << QStringLiteral("数据库/数据挖掘/内容检索");
        QTest::addRow("English part with a hyphen") << "Data-Mining" << QStringLiteral("数据库/数据挖掘/内容检索");
        QTest::addRow("whole slashed name") << "Software Engineering/System Software/Programming Languages"
                                            << QStringLiteral("软件工程/系统软件/程序设计语言");
        QTest::addRow("whole name with spaces around slashes")
            << QStringLiteral("数据库 / 数据挖掘 / 内容检索") << QStringLiteral("数据库/数据挖掘/内容检索");
        QTest::addRow("and for &") << "Computer Graphics & Multimedia" << QStringLiteral("计算机图形学与多媒体");
        QTest::addRow("a piece of one field") << "security" << QStringLiteral("网络与信息安全");
        QTest::addRow("Chinese piece") << QStringLiteral("信息安全") << QStringLiteral("网络与信息安全");
        QTest::addRow("whole name wins over a piece") << "computer networks" << QStringLiteral("计算机网络");
        QTest::addRow("Chinese whole name wins over a piece")
            << QStringLiteral("计算机网络") << QStringLiteral("计算机网络");
        QTest::addRow("theory") << "theoretical computer science" << QStringLiteral("计算机科学理论");
        QTest::addRow("HCI") << "hci" << QStringLiteral("人机交互与普适计算");
        QTest::addRow("full-width letters") << QStringLiteral("ＡＩ") << QStringLiteral("人工智能");
    }
    void resolves()
    {
        QFETCH(QString, text);
        QFETCH(QString, field);
        QString error;
        QCOMPARE(CcfFields::resolve(text, Fields, &error), field);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("named"); // what the error must mention
        QTest::addRow("ambiguous English")
            << "network"
            << QStringList{QStringLiteral("计算机网络"), QStringLiteral("网络与信息安全"), "Computer Networks",
                           "several"};
        QTest::addRow("ambiguous Chinese")
            << QStringLiteral("网络") << QStringList{QStringLiteral("计算机网络"), QStringLiteral("网络与信息安全")};
        QTest::addRow("unknown") << "quantum biology"
                                 << QStringList{"not a CCF field", QStringLiteral("人工智能"),
                                                "Artificial Intelligence"};
        QTest::addRow("empty") << "  " << QStringList{"empty", QStringLiteral("人工智能")};
        QTest::addRow("punctuation only") << "/ - /" << QStringList{"empty"};
        QTest::addRow("a field of another list") << QStringLiteral("医学") << QStringList{"not a CCF field"};
    }
    void refuses()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, named);
        QString error;
        QCOMPARE(CcfFields::resolve(text, Fields, &error), QString());
        for (const QString& name : named)
            QVERIFY2(error.contains(name), qPrintable(error));
    }

    void onlyTheStoredFieldsCount()
    {
        // A field this version has no English name for is still found by its stored name; a known field missing
        // from the database is not offered.
        const QStringList fields{QStringLiteral("量子计算"), QStringLiteral("人工智能")};
        QString error;
        QCOMPARE(CcfFields::resolve(QStringLiteral("量子计算"), fields, &error), QStringLiteral("量子计算"));
        QCOMPARE(CcfFields::resolve("computer networks", fields, &error), QString());
        QVERIFY2(error.contains(QStringLiteral("量子计算")) && !error.contains(QStringLiteral("计算机网络")),
                 qPrintable(error));
    }

    void englishNames_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("english");
        QTest::addRow("AI") << QStringLiteral("人工智能") << "Artificial Intelligence";
        QTest::addRow("networks") << QStringLiteral("计算机网络") << "Computer Networks";
        QTest::addRow("unknown") << QStringLiteral("量子计算") << "";
    }
    void englishNames()
    {
        QFETCH(QString, field);
        QFETCH(QString, english);
        QCOMPARE(CcfFields::englishName(field), english);
        for (const QString& known : Fields)
            QVERIFY2(!CcfFields::englishName(known).isEmpty(), qPrintable(known));
    }
};

QTEST_GUILESS_MAIN(TestCcfFields)
#include "tst_ccffields.moc"
