// SPDX-License-Identifier: GPL-3.0-or-later
// Checking a plain SQL backup before psql replays it: the psql meta-commands it holds.
#include <pgdesk/core/admin/dumptool.h>
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/sqltext/statementsplitter.h>

#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace pgdesk::core {

namespace {

// What psql's lexer tracks to know where a statement ends (psqlscan.l): parentheses, and BEGIN … END in the
// body of CREATE [OR REPLACE] FUNCTION | PROCEDURE, where a semicolon does not end the statement.
struct StatementTracker {
    QString firstWord;
    QString previousWord;
    qint64 firstLine = 0;
    bool fromStdin = false;
    bool program = false;
    int parenDepth = 0;
    int beginDepth = 0;
    int identifierCount = 0;
    char identifiers[4] = {0, 0, 0, 0};

    bool empty() const { return firstLine == 0; }

    void word(const QString& text, qint64 line) {
        const QString upper = text.toUpper();
        if (firstLine == 0)
            firstLine = line;
        if (firstWord.isEmpty() && identifierCount == 0)
            firstWord = upper;
        static const QStringList remembered{QStringLiteral("CREATE"), QStringLiteral("FUNCTION"),
                                            QStringLiteral("PROCEDURE"), QStringLiteral("OR"),
                                            QStringLiteral("REPLACE")};
        if (identifierCount < 4 && remembered.contains(upper))
            identifiers[identifierCount] = char(upper[0].toLower().toLatin1());
        ++identifierCount;
        const bool routine = identifiers[0] == 'c' && (identifiers[1] == 'f' || identifiers[1] == 'p' ||
                                                       (identifiers[1] == 'o' && identifiers[2] == 'r' &&
                                                        (identifiers[3] == 'f' || identifiers[3] == 'p')));
        if (routine && parenDepth == 0) {
            if (upper == QLatin1String("BEGIN"))
                ++beginDepth;
            else if (upper == QLatin1String("CASE") && beginDepth >= 1)
                ++beginDepth;
            else if (upper == QLatin1String("END") && beginDepth > 0)
                --beginDepth;
        }
        if (firstWord == QLatin1String("COPY")) {
            if (previousWord == QLatin1String("FROM") && upper == QLatin1String("STDIN"))
                fromStdin = true;
            if (upper == QLatin1String("PROGRAM"))
                program = true;
        }
        previousWord = upper;
    }

    void other(qint64 line) {
        if (firstLine == 0)
            firstLine = line;
        previousWord.clear();
    }
};

// "\!" , "\connect", "\." : the backslash and psql's command name (letters, or one other character).
QString commandWord(const QString& text, qsizetype at) {
    qsizetype end = at + 1;
    while (end < text.size() && (text[end].isLetterOrNumber() || text[end] == QLatin1Char('_')))
        ++end;
    if (end == at + 1 && end < text.size() && !text[end].isSpace())
        ++end;
    return text.mid(at, end - at);
}

QByteArray withoutLineEnd(QByteArray line) {
    if (line.endsWith('\n'))
        line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

} // namespace

PlainScriptCheck checkPlainScript(const QString& path) {
    PlainScriptCheck check;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return check;
    check.readable = true;
    static const QRegularExpression restrictLine(QStringLiteral(R"(^\\restrict\s+([A-Za-z0-9]+)\s*$)"));
    static const QRegularExpression unrestrictLine(QStringLiteral(R"(^\\unrestrict\s+([A-Za-z0-9]+)\s*$)"));
    SqlLexState lex;
    StatementTracker statement;
    bool sawSql = false, unrestricted = false, copyData = false;
    qint64 line = 0;
    auto refuse = [&check](qint64 at, const QString& what) { check.refused.append({at, what}); };

    while (!file.atEnd()) {
        if (copyData) {
            // COPY data is not SQL: read in pieces (a row may be huge) up to the line "\.".
            bool lineStart = true;
            while (copyData && !file.atEnd()) {
                const QByteArray piece = file.readLine(64 * 1024);
                if (piece.isEmpty())
                    break;
                if (lineStart && withoutLineEnd(piece) == "\\." && (piece.endsWith('\n') || file.atEnd()))
                    copyData = false;
                lineStart = piece.endsWith('\n');
                if (lineStart)
                    ++line;
            }
            continue;
        }
        const QByteArray bytes = file.readLine();
        ++line;
        const QString text = QString::fromUtf8(bytes);
        const QList<SqlToken> tokens = tokenizeSql(text, lex);
        for (qsizetype i = 0; i < tokens.size(); ++i) {
            const SqlToken& token = tokens[i];
            const QString value = text.mid(token.start, token.length);
            if (token.type == SqlTokenType::Comment)
                continue;
            if (unrestricted) {
                refuse(line, QStringLiteral("text after \\unrestrict"));
                break;
            }
            if (token.type == SqlTokenType::Operator && value == QLatin1String("\\")) {
                // A meta-command: its arguments run to the end of the line, which is not SQL.
                const QString command = QString::fromUtf8(withoutLineEnd(bytes)).mid(token.start);
                const auto restrict = restrictLine.match(command);
                const auto unrestrict = unrestrictLine.match(command);
                if (restrict.hasMatch() && !sawSql && check.restrictKey.isEmpty())
                    check.restrictKey = restrict.captured(1);
                else if (unrestrict.hasMatch() && !check.restrictKey.isEmpty() &&
                         unrestrict.captured(1) == check.restrictKey && statement.empty())
                    unrestricted = true;
                else {
                    refuse(line, commandWord(text, token.start));
                    statement = StatementTracker{}; // as \g would send it: the count stays sound
                }
                lex = SqlLexState{};
                break;
            }
            sawSql = true;
            if (token.type == SqlTokenType::Word) {
                statement.word(value, line);
                continue;
            }
            statement.other(line);
            if (token.type != SqlTokenType::Operator)
                continue;
            if (value == QLatin1String("("))
                ++statement.parenDepth;
            else if (value == QLatin1String(")"))
                statement.parenDepth = std::max(0, statement.parenDepth - 1);
            else if (value == QLatin1String(";") && statement.parenDepth == 0 && statement.beginDepth == 0) {
                if (statement.program)
                    refuse(statement.firstLine, QStringLiteral("COPY … PROGRAM"));
                const bool copy = statement.fromStdin;
                statement = StatementTracker{};
                if (copy) {
                    ++check.copyBlocks;
                    // The data starts on the next line; psql would run what follows the `;` after it.
                    if (!text.mid(token.start + 1).trimmed().isEmpty())
                        refuse(line, QStringLiteral("text after COPY … FROM stdin"));
                    copyData = true;
                    lex = SqlLexState{};
                    break;
                }
            }
        }
    }
    return check;
}

bool psqlHasRestrict(int psqlVersion) {
    const int major = psqlVersion / 10000, minor = psqlVersion % 10000;
    if (psqlVersion < 100000)
        return false;
    switch (major) {
    case 13:
        return minor >= 22;
    case 14:
        return minor >= 19;
    case 15:
        return minor >= 14;
    case 16:
        return minor >= 10;
    case 17:
        return minor >= 6;
    default:
        return major >= 18;
    }
}

PlainScriptCheck guardPlainRestore(DumpCommand& command, int psqlVersion) {
    if (command.kind != DumpKind::PlainRestore)
        return {};
    const PlainScriptCheck check = checkPlainScript(command.inputPath);
    if (!check.readable)
        throwConfigurationError(QStringLiteral("input"),
                                QStringLiteral("the backup %1 cannot be read").arg(command.inputPath));
    if (!check.refused.isEmpty()) {
        constexpr qsizetype shown = 20;
        QStringList lines;
        for (const PlainScriptLine& refused : check.refused.mid(0, shown))
            lines << QStringLiteral("line %1: %2").arg(refused.line).arg(refused.what);
        if (check.refused.size() > shown)
            lines << QStringLiteral("… and %1 more").arg(check.refused.size() - shown);
        throwConfigurationError(
            QStringLiteral("input"),
            QStringLiteral("%1 is refused: it holds psql commands a restore does not run (a restore never "
                           "runs shell commands nor changes database; pg_dump writes none of these):\n%2")
                .arg(command.inputPath, lines.join(QLatin1Char('\n'))));
    }
    // Restricted mode: psql runs no meta-command from here on. A file from a recent pg_dump enters it on
    // its first line itself (a second \restrict would fail).
    if (psqlHasRestrict(psqlVersion) && check.restrictKey.isEmpty()) {
        static const QLatin1String alphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
        QString key;
        for (int i = 0; i < 32; ++i)
            key += QChar(alphabet[QRandomGenerator::system()->bounded(int(alphabet.size()))]);
        const QString fileArgument = QStringLiteral("--file=") + command.inputPath;
        const qsizetype at = command.arguments.indexOf(fileArgument);
        command.arguments.insert(at < 0 ? command.arguments.size() : at,
                                 QStringLiteral("--command=\\restrict ") + key);
    }
    command.scriptGuarded = true;
    return check;
}

} // namespace pgdesk::core
