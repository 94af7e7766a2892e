// SPDX-License-Identifier: GPL-3.0-or-later
// The translated severities and labels of PostgreSQL 15's message catalogs (postgres-15.mo of de, es, fr, it,
// ja, ka, ko, ru, sv, uk and zh_CN; PostgreSQL Licence), as elog.c writes them before ":  ". Georgian has one
// word for NOTICE and WARNING: read as WARNING.
#include "server/loglabels.h"

#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace pgdesk::core {

namespace {

struct Translation {
    const char* english;
    const char* translated;
};

const Translation kTranslations[] = {
    {"NOTICE", "HINWEIS"},               // de
    {"WARNING", "WARNUNG"},              // de
    {"ERROR", "FEHLER"},                 // de
    {"PANIC", "PANIK"},                  // de
    {"HINT", "TIPP"},                    // de
    {"QUERY", "ANFRAGE"},                // de
    {"CONTEXT", "ZUSAMMENHANG"},         // de
    {"STATEMENT", "ANWEISUNG"},          // de
    {"DETAIL", "DETALLE"},               // es
    {"QUERY", "CONSULTA"},               // es
    {"CONTEXT", "CONTEXTO"},             // es
    {"STATEMENT", "SENTENCIA"},          // es
    {"WARNING", "ATTENTION"},            // fr
    {"ERROR", "ERREUR"},                 // fr
    {"DETAIL", "DÉTAIL"},                // fr
    {"HINT", "ASTUCE "},                 // fr
    {"QUERY", "REQUÊTE "},               // fr
    {"CONTEXT", "CONTEXTE "},            // fr
    {"STATEMENT", "INSTRUCTION "},       // fr
    {"NOTICE", "NOTIFICA"},              // it
    {"WARNING", "ATTENZIONE"},           // it
    {"ERROR", "ERRORE"},                 // it
    {"FATAL", "FATALE"},                 // it
    {"PANIC", "PANICO"},                 // it
    {"DETAIL", "DETTAGLI"},              // it
    {"HINT", "SUGGERIMENTO"},            // it
    {"CONTEXT", "CONTESTO"},             // it
    {"STATEMENT", "ISTRUZIONE"},         // it
    {"DETAIL", "詳細"},                  // ja
    {"HINT", "ヒント"},                  // ja
    {"QUERY", "問い合わせ"},             // ja
    {"CONTEXT", "文脈"},                 // ja
    {"STATEMENT", "文"},                 // ja
    {"DEBUG", "გამართვა"},               // ka
    {"INFO", "ინფორმაცია"},              // ka
    {"NOTICE", "გაფრთხილება"},           // ka
    {"WARNING", "გაფრთხილება"},          // ka
    {"ERROR", "შეცდომა"},                // ka
    {"LOG", "ჟურნალი"},                  // ka
    {"FATAL", "ფატალური"},               // ka
    {"PANIC", "პანიკა"},                 // ka
    {"DETAIL", "დეტალები"},              // ka
    {"HINT", "მინიშნება"},               // ka
    {"QUERY", "მოთხოვნა"},               // ka
    {"CONTEXT", "კონტექსტი"},            // ka
    {"STATEMENT", "ოპერატორი"},          // ka
    {"DEBUG", "디버그"},                 // ko
    {"INFO", "정보"},                    // ko
    {"NOTICE", "알림"},                  // ko
    {"WARNING", "경고"},                 // ko
    {"ERROR", "오류"},                   // ko
    {"LOG", "로그"},                     // ko
    {"FATAL", "치명적오류"},             // ko
    {"PANIC", "손상"},                   // ko
    {"DETAIL", "상세정보"},              // ko
    {"HINT", "힌트"},                    // ko
    {"CONTEXT", "내용"},                 // ko
    {"STATEMENT", "명령 구문"},          // ko
    {"DEBUG", "ОТЛАДКА"},                // ru
    {"INFO", "ИНФОРМАЦИЯ"},              // ru
    {"NOTICE", "ЗАМЕЧАНИЕ"},             // ru
    {"WARNING", "ПРЕДУПРЕЖДЕНИЕ"},       // ru
    {"ERROR", "ОШИБКА"},                 // ru
    {"LOG", "СООБЩЕНИЕ"},                // ru
    {"FATAL", "ВАЖНО"},                  // ru
    {"PANIC", "ПАНИКА"},                 // ru
    {"DETAIL", "ПОДРОБНОСТИ"},           // ru
    {"HINT", "ПОДСКАЗКА"},               // ru
    {"QUERY", "ЗАПРОС"},                 // ru
    {"CONTEXT", "КОНТЕКСТ"},             // ru
    {"STATEMENT", "ОПЕРАТОР"},           // ru
    {"NOTICE", "NOTIS"},                 // sv
    {"WARNING", "VARNING"},              // sv
    {"ERROR", "FEL"},                    // sv
    {"LOG", "LOGG"},                     // sv
    {"FATAL", "FATALT"},                 // sv
    {"DETAIL", "DETALJ"},                // sv
    {"HINT", "TIPS"},                    // sv
    {"QUERY", "FRÅGA"},                  // sv
    {"CONTEXT", "KONTEXT"},              // sv
    {"STATEMENT", "SATS"},               // sv
    {"DEBUG", "НАЛАГОДЖЕННЯ"},           // uk
    {"INFO", "ІНФОРМАЦІЯ"},              // uk
    {"NOTICE", "ПОВІДОМЛЕННЯ"},          // uk
    {"WARNING", "ПОПЕРЕДЖЕННЯ"},         // uk
    {"ERROR", "ПОМИЛКА"},                // uk
    {"LOG", "ЗАПИСУВАННЯ"},              // uk
    {"FATAL", "ФАТАЛЬНО"},               // uk
    {"PANIC", "ПАНІКА"},                 // uk
    {"DETAIL", "ВІДОМОСТІ"},             // uk
    {"HINT", "УКАЗІВКА"},                // uk
    {"QUERY", "ЗАПИТ"},                  // uk
    {"STATEMENT", "ІНСТРУКЦІЯ"},         // uk
    {"DEBUG", "调试"},                   // zh_CN
    {"INFO", "信息"},                    // zh_CN
    {"NOTICE", "注意"},                  // zh_CN
    {"WARNING", "警告"},                 // zh_CN
    {"ERROR", "错误"},                   // zh_CN
    {"LOG", "日志"},                     // zh_CN
    {"FATAL", "致命错误"},               // zh_CN
    {"PANIC", "比致命错误还过分的错误"}, // zh_CN
    {"DETAIL", "详细信息"},              // zh_CN
    {"HINT", "提示"},                    // zh_CN
    {"QUERY", "查询"},                   // zh_CN
    {"CONTEXT", "上下文"},               // zh_CN
    {"STATEMENT", "语句"},               // zh_CN
};

const char* const kEnglish[] = {"DEBUG",  "DEBUG1",  "DEBUG2",  "DEBUG3",   "DEBUG4",   "DEBUG5", "INFO",
                                "NOTICE", "WARNING", "ERROR",   "LOG",      "FATAL",    "PANIC",  "DETAIL",
                                "HINT",   "QUERY",   "CONTEXT", "LOCATION", "STATEMENT"};

const QHash<QString, QString>& toEnglish() {
    static const QHash<QString, QString> map = [] {
        QHash<QString, QString> m;
        for (const char* e : kEnglish)
            m.insert(QString::fromLatin1(e), QString::fromLatin1(e));
        m.insert(QStringLiteral("DEBUG"), QStringLiteral("DEBUG1")); // every debug level is written "DEBUG"
        for (const Translation& t : kTranslations)
            if (!m.contains(QString::fromUtf8(t.translated)) ||
                QLatin1String(t.english) == QLatin1String("WARNING"))
                m.insert(QString::fromUtf8(t.translated), QLatin1String(t.english) == QLatin1String("DEBUG")
                                                              ? QStringLiteral("DEBUG1")
                                                              : QString::fromLatin1(t.english));
        return m;
    }();
    return map;
}

} // namespace

QString englishLogLabel(const QString& label) {
    return toEnglish().value(label, label);
}

QString logLabelPattern() {
    static const QString pattern = [] {
        QStringList labels = toEnglish().keys();
        std::sort(labels.begin(), labels.end(), [](const QString& a, const QString& b) {
            return a.size() != b.size() ? a.size() > b.size() : a < b;
        });
        for (QString& l : labels)
            l = QRegularExpression::escape(l);
        return labels.join(u'|');
    }();
    return pattern;
}

} // namespace pgdesk::core
