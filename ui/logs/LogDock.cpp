#include "LogDock.h"

#include "LogFilterProxy.h"
#include "LogModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

namespace sb {

LogDock::LogDock(QWidget *parent)
    : QDockWidget(tr("Log"), parent)
    , m_model(new LogModel(LogModel::DefaultCapacity, this))
    , m_proxy(new LogFilterProxy(this))
    , m_level(new QComboBox)
    , m_category(new QLineEdit)
    , m_text(new QLineEdit)
    , m_view(new QTableView) {
    setObjectName(QStringLiteral("logDock"));
    m_proxy->setSourceModel(m_model);

    for (const QtMsgType type : {QtDebugMsg, QtInfoMsg, QtWarningMsg, QtCriticalMsg})
        m_level->addItem(LogModel::levelName(type), int(type));
    m_level->setObjectName(QStringLiteral("logLevel"));
    m_level->setAccessibleName(tr("Lowest level shown"));
    m_category->setObjectName(QStringLiteral("logCategory"));
    m_category->setPlaceholderText(tr("Category, e.g. switchboard.http"));
    m_category->setAccessibleName(tr("Category"));
    m_category->setClearButtonEnabled(true);
    m_text->setObjectName(QStringLiteral("logText"));
    m_text->setPlaceholderText(tr("Text"));
    m_text->setAccessibleName(tr("Text"));
    m_text->setClearButtonEnabled(true);
    connect(m_level, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setMinimumLevel(QtMsgType(m_level->currentData().toInt())); });
    connect(m_category, &QLineEdit::textChanged, m_proxy, &LogFilterProxy::setCategoryPrefix);
    connect(m_text, &QLineEdit::textChanged, m_proxy, &LogFilterProxy::setText);

    m_view->setObjectName(QStringLiteral("logView"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    // Follow the newest line, unless the reader scrolled up to look at an older one.
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        QScrollBar *bar = m_view->verticalScrollBar();
        m_view->setProperty("follow", bar->value() == bar->maximum());
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_view->property("follow").toBool())
            m_view->scrollToBottom();
    });

    auto *filters = new QHBoxLayout;
    // No mnemonic: the dock shows beside every tab, whose forms own the Alt+letters.
    auto *levelLabel = new QLabel(tr("Level:"));
    levelLabel->setBuddy(m_level);
    filters->addWidget(levelLabel);
    filters->addWidget(m_level);
    filters->addWidget(m_category, 1);
    filters->addWidget(m_text, 2);
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addLayout(filters);
    layout->addWidget(m_view);
    setWidget(content);
}

} // namespace sb
