#include "RotatingLogFile.h"

#include <QDir>
#include <QFileInfo>
#include <QMutexLocker>

namespace sb {

RotatingLogFile::RotatingLogFile(QString path, qint64 maxBytes, int keepFiles)
    : m_path(std::move(path))
    , m_maxBytes(qMax<qint64>(1024, maxBytes))
    , m_keepFiles(qMax(1, keepFiles)) {
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QMutexLocker lock(&m_mutex);
    open();
}

RotatingLogFile::~RotatingLogFile() {
    flush();
}

bool RotatingLogFile::open() {
    m_file.setFileName(m_path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append))
        return false;
    // Only the owner reads what was logged.
    m_file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    m_size = m_file.size();
    return true;
}

bool RotatingLogFile::isOpen() const {
    QMutexLocker lock(&m_mutex);
    return m_file.isOpen();
}

QString RotatingLogFile::errorString() const {
    QMutexLocker lock(&m_mutex);
    return m_file.errorString();
}

void RotatingLogFile::append(const QByteArray &line, bool flushNow) {
    QMutexLocker lock(&m_mutex);
    if (!m_file.isOpen())
        return;
    if (m_size > 0 && m_size + line.size() + 1 > m_maxBytes)
        rotate();
    if (!m_file.isOpen())
        return;
    m_file.write(line);
    m_file.write("\n", 1);
    m_size += line.size() + 1;
    if (flushNow)
        m_file.flush();
}

void RotatingLogFile::flush() {
    QMutexLocker lock(&m_mutex);
    if (m_file.isOpen())
        m_file.flush();
}

void RotatingLogFile::rotate() {
    m_file.close();
    const auto numbered = [this](int n) {
        return m_path + QLatin1Char('.') + QString::number(n);
    };
    QFile::remove(numbered(m_keepFiles));
    for (int n = m_keepFiles - 1; n >= 1; --n) {
        if (QFile::exists(numbered(n)))
            QFile::rename(numbered(n), numbered(n + 1));
    }
    QFile::rename(m_path, numbered(1));
    open();
}

} // namespace sb
