#pragma once

#include <QFile>
#include <QMutex>
#include <QString>

namespace sb {

// An append-only log file that rotates by size: when `path` would grow past maxBytes it
// becomes path.1 (path.1 becomes path.2, ... the oldest beyond keepFiles is deleted) and a new
// file starts. Writes go to QFile's buffer and reach the disk when it fills, on flush() or on
// a warning or worse, so a debug-level flood costs little; thread-safe (every thread logs).
// The caller passes lines already redacted.
class RotatingLogFile {
public:
    RotatingLogFile(QString path, qint64 maxBytes, int keepFiles);
    ~RotatingLogFile();

    bool isOpen() const;
    QString errorString() const;
    void append(const QByteArray &line, bool flushNow = false); // `line` without its '\n'
    void flush();

    static constexpr qint64 DefaultMaxBytes = 10 * 1024 * 1024;
    static constexpr int DefaultKeepFiles = 5;

private:
    void rotate();
    bool open();

    mutable QMutex m_mutex;
    const QString m_path;
    const qint64 m_maxBytes;
    const int m_keepFiles;
    QFile m_file;
    qint64 m_size = 0;
};

} // namespace sb
