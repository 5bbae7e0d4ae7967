<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>jcr::gui::AboutDialog</name>
    <message>
        <location filename="../../gui/aboutdialog.cpp" line="+17"/>
        <source>About JCR MCP</source>
        <translation>关于 JCR MCP</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Journal rankings for AI assistants over the Model Context Protocol: JCR impact factors and quartiles, CAS partitions (中科院分区), the international journal warning list and CCF ranks.</source>
        <translation>通过模型上下文协议（MCP）为 AI 助手提供期刊评价数据：JCR 影响因子与分区、中科院分区、国际期刊预警名单和 CCF 推荐等级。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data: the &lt;a href=&quot;https://github.com/hitfyd/ShowJCR&quot;&gt;ShowJCR&lt;/a&gt; project.</source>
        <translation>数据来源：&lt;a href=&quot;https://github.com/hitfyd/ShowJCR&quot;&gt;ShowJCR&lt;/a&gt; 项目。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not built yet: use &quot;Update journal data…&quot;.</source>
        <translation>尚未建立：请使用“更新期刊数据…”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Built: %1</source>
        <translation>建立时间：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Newest data: %1</source>
        <translation>最新数据：%1</translation>
    </message>
</context>
<context>
    <name>jcr::gui::AppSettings</name>
    <message>
        <location filename="../../gui/appsettings.cpp" line="+129"/>
        <source>The address must be 127.0.0.1 (this computer only) or 0.0.0.0 (every network).</source>
        <translation>地址必须是 127.0.0.1（仅本机）或 0.0.0.0（所有网络）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a port from 1 to 65535, for example 8080.</source>
        <translation>请选择 1 到 65535 之间的端口，例如 8080。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The access token may only contain letters, digits and punctuation, without spaces.</source>
        <translation>访问令牌只能包含字母、数字和标点符号，不能有空格。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The access token is too short to be safe: use at least 16 characters, or press Generate.</source>
        <translation>访问令牌太短，不够安全：请至少使用 16 个字符，或点击“生成”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every computer on the network could use the server. Set an access token (press Generate) or listen on 127.0.0.1 only.</source>
        <translation>网络中的任何电脑都能使用此服务器。请设置访问令牌（点击“生成”），或只监听 127.0.0.1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose where the journal database is kept.</source>
        <translation>请选择期刊数据库的保存位置。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database location must be a full path, such as %1.</source>
        <translation>数据库位置必须是完整路径，例如 %1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The database location is a folder; choose a file name inside it, such as jcr.db.</source>
        <translation>数据库位置是一个文件夹；请在其中选择一个文件名，例如 jcr.db。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The data source address is not a valid web address.</source>
        <translation>数据来源地址不是有效的网址。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The data source must be an existing folder with the ShowJCR files, or a web address starting with https://.</source>
        <translation>数据来源必须是包含 ShowJCR 文件的现有文件夹，或以 https:// 开头的网址。</translation>
    </message>
</context>
<context>
    <name>jcr::gui::Autostart</name>
    <message>
        <location filename="../../gui/autostart.cpp" line="+160"/>
        <source>Cannot remove %1.</source>
        <translation>无法删除 %1。</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Cannot change %1.</source>
        <translation>无法修改 %1。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>jcr::gui::ClaudeDesktopConfig</name>
    <message>
        <location filename="../../gui/claudedesktopconfig.cpp" line="+70"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is not valid JSON (%2 at character %3), so it was left unchanged. Fix it or move it away, then try again.</source>
        <translation>%1 不是有效的 JSON（第 %3 个字符处：%2），因此未作改动。请修正或移走该文件后重试。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 does not hold a JSON object, so it was left unchanged.</source>
        <translation>%1 中不是 JSON 对象，因此未作改动。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In %1, &quot;mcpServers&quot; is not a JSON object, so the file was left unchanged.</source>
        <translation>%1 中的“mcpServers”不是 JSON 对象，因此未改动该文件。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot write the backup %1 (%2); %3 was left unchanged.</source>
        <translation>无法写入备份 %1（%2）；%3 未作改动。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The entry needs a name.</source>
        <translation>条目需要一个名称。</translation>
    </message>
</context>
<context>
    <name>jcr::gui::ClaudeDesktopDialog</name>
    <message>
        <location filename="../../gui/claudedesktopdialog.cpp" line="+30"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Connect to Claude Desktop</source>
        <translation>连接到 Claude Desktop</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Claude Desktop (starts its own server over stdio)</source>
        <translation>Claude Desktop（通过 stdio 启动自己的服务器）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Config file: %1</source>
        <translation>配置文件：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Restart Claude Desktop afterwards so that it reads the file again.</source>
        <translation>完成后请重新启动 Claude Desktop，使其重新读取该文件。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recommended: install the JCR extension in Claude Desktop with one click (it downloads the journal data itself on its first start).</source>
        <translation>推荐：一键在 Claude Desktop 中安装 JCR 扩展（首次启动时它会自行下载期刊数据）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Install the Claude Desktop extension…</source>
        <translation>安装 Claude Desktop 扩展(&amp;I)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Or add this server to Claude Desktop&apos;s config file:</source>
        <translation>或者把本服务器添加到 Claude Desktop 的配置文件：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Other clients (HTTP, this app&apos;s server)</source>
        <translation>其他客户端（HTTP，本应用的服务器）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>URL:</source>
        <translation>网址：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Header:</source>
        <translation>请求头：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none: no access token set)</source>
        <translation>（无：未设置访问令牌）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>JSON for clients that take a url:</source>
        <translation>适用于填写网址的客户端的 JSON：</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Claude Desktop is set up to use this server.</source>
        <translation>Claude Desktop 已设置为使用此服务器。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claude Desktop is set up to use this server. The previous file was saved as %1.</source>
        <translation>Claude Desktop 已设置为使用此服务器。原文件已另存为 %1。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Claude Desktop has no entry for this server.</source>
        <translation>Claude Desktop 中没有此服务器的条目。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The entry was removed. The previous file was saved as %1.</source>
        <translation>条目已移除。原文件已另存为 %1。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Update</source>
        <translation>更新(&amp;U)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The &quot;%1&quot; entry is there.</source>
        <translation>已有“%1”条目。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file does not exist yet; Add creates it.</source>
        <translation>文件尚不存在；点击“添加”将创建它。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The file is not valid JSON; it is left alone until it is fixed.</source>
        <translation>该文件不是有效的 JSON；在修正之前不会改动它。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The &quot;%1&quot; entry is not there.</source>
        <translation>没有“%1”条目。</translation>
    </message>
</context>
<context>
    <name>jcr::gui::DataSyncJob</name>
    <message>
        <location filename="../../gui/datasyncjob.cpp" line="+120"/>
        <source>The update stopped unexpectedly. Your previous journal data is unchanged.</source>
        <translation>更新意外中止。原有的期刊数据保持不变。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The journal data tool could not be started (%1): %2</source>
        <translation>无法启动期刊数据工具（%1）：%2</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Reading %1</source>
        <translation>正在读取 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Downloading %1</source>
        <translation>正在下载 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Download complete</source>
        <translation>下载完成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Writing the journal database</source>
        <translation>正在写入期刊数据库</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checking the new database</source>
        <translation>正在检查新数据库</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The data folder %1 does not exist. Choose another data source in the settings.</source>
        <translation>数据文件夹 %1 不存在。请在设置中选择其他数据来源。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The folder %1 contains no ShowJCR data files (.csv). Choose another data source in the settings.</source>
        <translation>文件夹 %1 中没有 ShowJCR 数据文件（.csv）。请在设置中选择其他数据来源。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The journal data could not be downloaded from GitHub nor from its mirrors (%1). Check the internet connection and try again, or set JCR_MCP_DATA_MIRRORS to a mirror you can reach.</source>
        <translation>无法从 GitHub 及其镜像下载期刊数据（%1）。请检查网络连接后重试，或将 JCR_MCP_DATA_MIRRORS 设置为您能访问的镜像。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Downloading %1 failed (%2). Check the internet connection and try again.</source>
        <translation>下载 %1 失败（%2）。请检查网络连接后重试。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No journal data was found at %1. Check the data source in the settings.</source>
        <translation>在 %1 未找到期刊数据。请检查设置中的数据来源。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Another update of the journal data is running. Wait until it has finished.</source>
        <translation>另一个期刊数据更新正在进行，请等待其完成。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The journal data cannot be written in the folder %1 (%2). Choose another database location in the settings.</source>
        <translation>无法在文件夹 %1 中写入期刊数据（%2）。请在设置中选择其他数据库位置。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The update failed.</source>
        <translation>更新失败。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The update failed: %1</source>
        <translation>更新失败：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 Your previous journal data is unchanged.</source>
        <translation>%1原有的期刊数据保持不变。</translation>
    </message>
</context>
<context>
    <name>jcr::gui::FirstRunPrompt</name>
    <message>
        <location filename="../../gui/firstrunprompt.cpp" line="+12"/>
        <source>Welcome to JCR MCP</source>
        <translation>欢迎使用 JCR MCP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The journal data is not on this computer yet.</source>
        <translation>这台电脑上还没有期刊数据。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JCR MCP needs the journal lists (impact factors, CAS partitions, the warning list, CCF ranks) before it can answer. Download them now? It takes a minute or two. If you already have the ShowJCR files, choose their folder instead.</source>
        <translation>JCR MCP 需要先获取期刊数据（影响因子、中科院分区、预警名单、CCF 等级）才能回答问题。现在下载吗？大约需要一两分钟。如果您已有 ShowJCR 数据文件，也可以选择它们所在的文件夹。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Download journal data now</source>
        <translation>立即下载期刊数据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a folder of ShowJCR files…</source>
        <translation>选择 ShowJCR 数据文件夹…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Later</source>
        <translation>以后再说</translation>
    </message>
</context>
<context>
    <name>jcr::gui::JournalProfilePresenter</name>
    <message>
        <location filename="../../gui/journalprofilepresenter.cpp" line="+43"/>
        <source>ISSN %1</source>
        <translation>ISSN %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>eISSN %1</source>
        <translation>eISSN %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>IF %1: %2</source>
        <translation>%1 年影响因子：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>CAS %1: %2</source>
        <translation>%1 年中科院分区：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>CCF %1</source>
        <translation>CCF %1 类</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On the warning list (%1)</source>
        <translation>已列入预警名单（%1）</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+92"/>
        <location line="+7"/>
        <source>Journal</source>
        <translation>期刊</translation>
    </message>
    <message>
        <location line="-99"/>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Title</source>
        <translation>刊名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chinese title</source>
        <translation>中文刊名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ISSN</source>
        <translation>ISSN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>eISSN</source>
        <translation>eISSN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CN</source>
        <translation>CN 号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Abbreviations</source>
        <translation>简称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Citation abbreviations</source>
        <translation>引文缩写</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other titles</source>
        <translation>其他刊名</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+73"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="-73"/>
        <location line="+77"/>
        <source>Conference</source>
        <translation>会议</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>JCR impact factor and quartile</source>
        <translation>JCR 影响因子与分区</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+17"/>
        <location line="+33"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>Impact factor</source>
        <translation>影响因子</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quartile</source>
        <translation>JCR 分区</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+64"/>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Categories</source>
        <translation>学科类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Indexed in</source>
        <translation>收录</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>CAS partition</source>
        <translation>中科院分区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Major category</source>
        <translation>大类</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Partition</source>
        <translation>分区</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Top</source>
        <translation>Top 期刊</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Subcategories</source>
        <translation>小类</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Review journal</source>
        <translation>综述期刊</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open access: %1</source>
        <translation>开放获取：%1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>International journal warning list</source>
        <translation>国际期刊预警名单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning level</source>
        <translation>预警等级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>预警原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Listed in the international journal warning list of this year</source>
        <translation>已列入该年度的国际期刊预警名单</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>CCF recommendation</source>
        <translation>CCF 推荐</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edition</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>List</source>
        <translation>目录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Research area</source>
        <translation>领域</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chinese journals</source>
        <translation>中文期刊</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>International</source>
        <translation>国际</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Computing journal tiers (CCFT)</source>
        <translation>计算领域高质量科技期刊分级（CCFT）</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Zone %1</source>
        <translation>%1区</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>other list</source>
        <translation>其他缩写表</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>%1 (%2)</source>
        <comment>citation abbreviation (its standard)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>jcr::gui::LogWindow</name>
    <message>
        <location filename="../../gui/logwindow.cpp" line="+22"/>
        <source>JCR MCP server log</source>
        <translation>JCR MCP 服务器日志</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Copy all</source>
        <translation>全部复制(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save…</source>
        <translation>保存(&amp;S)…</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Save the log</source>
        <translation>保存日志</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log files (*.log *.txt)</source>
        <translation>日志文件 (*.log *.txt)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The log could not be saved to %1: %2</source>
        <translation>无法将日志保存到 %1：%2</translation>
    </message>
</context>
<context>
    <name>jcr::gui::LookupWindow</name>
    <message>
        <location filename="../../gui/lookupwindow.cpp" line="+190"/>
        <source>Journal lookup</source>
        <translation>期刊查询</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Journal name, ISSN or Chinese title, e.g. Nature or 0028-0836</source>
        <translation>期刊名、ISSN 或中文刊名，例如 Nature 或 0028-0836</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check a reference list…</source>
        <translation>检查参考文献列表…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check every journal of a .bib, .ris or .txt reference list; you can also drop the file on this window.</source>
        <translation>检查 .bib、.ris 或 .txt 参考文献列表中的每一种期刊；也可以把文件拖放到本窗口。</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>The journal database cannot be opened, so there is nothing to look up yet.

Choose &quot;Update journal data&quot; in the tray menu to download the journal lists.

Details: %1</source>
        <translation>无法打开期刊数据库，暂时无法查询。

请在托盘菜单中选择“更新期刊数据”，下载期刊数据。

详细信息：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n journal(s)</source>
        <translation>
            <numerusform>%n 种期刊</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JCR up to %1</source>
        <translation>JCR 数据至 %1 年</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CAS partitions up to %1</source>
        <translation>中科院分区至 %1 年</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>data updated %1</source>
        <translation>数据更新于 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type a journal name, an ISSN or a Chinese title above.</source>
        <translation>请在上方输入期刊名、ISSN 或中文刊名。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The search failed: %1</source>
        <translation>查询失败：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No journal matches &quot;%1&quot;. Check the spelling, or search for the ISSN (e.g. 1234-5678).</source>
        <translation>没有与“%1”匹配的期刊。请检查拼写，或按 ISSN 查询（例如 1234-5678）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This journal cannot be shown: %1</source>
        <translation>无法显示此期刊：%1</translation>
    </message>
</context>
<context>
    <name>jcr::gui::ReferenceCheckWidget</name>
    <message>
        <location filename="../../gui/referencecheckwidget.cpp" line="+88"/>
        <source>Check a reference list</source>
        <translation>检查参考文献列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste a reference list (BibTeX, RIS, CSL-JSON, or one journal per line), or drop a .bib, .ris, .json or .txt file here.</source>
        <translation>粘贴参考文献列表（BibTeX、RIS、CSL-JSON，或每行一个期刊名），或把 .bib、.ris、.json、.txt 文件拖放到这里。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open file…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The journal database cannot be opened: %1</source>
        <translation>无法打开期刊数据库：%1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open a reference list</source>
        <translation>打开参考文献列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference lists (*.bib *.ris *.json *.txt);;All files (*)</source>
        <translation>参考文献列表 (*.bib *.ris *.json *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export as CSV</source>
        <translation>导出为 CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>jcr::gui::ReferenceReportPresenter</name>
    <message>
        <location filename="../../gui/referencereportpresenter.cpp" line="+24"/>
        <source>Resolved</source>
        <translation>已匹配</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved (%1)</source>
        <translation>已匹配（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ambiguous: %1</source>
        <translation>有歧义：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not found; close: %1</source>
        <translation>未找到；相近：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preprint (%1)</source>
        <translation>预印本（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No venue (%1)</source>
        <translation>无期刊（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Venue missing (%1)</source>
        <translation>缺少期刊名（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Placeholder: %1</source>
        <translation>占位符：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unreadable: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Reference list</source>
        <translation>参考文献列表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key</source>
        <translation>引用键</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Venue as written</source>
        <translation>原文期刊/会议名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Journal</source>
        <translation>期刊</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>IF</source>
        <translation>影响因子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JCR quartile</source>
        <translation>JCR 分区</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CAS zone</source>
        <translation>中科院分区</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Top</source>
        <translation>Top 期刊</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CCF</source>
        <translation>CCF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warning list</source>
        <translation>预警名单</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n entries: </source>
        <translation>
            <numerusform>共 %n 条：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 resolved, %2 preprints, %3 without venue, %4 to check</source>
        <translation>已匹配 %1，预印本 %2，无期刊 %3，待核对 %4</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n on the warning list</source>
        <translation>
            <numerusform>%n 条在预警名单中</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jcr::gui::ServerSupervisor</name>
    <message>
        <location filename="../../gui/serversupervisor.cpp" line="+290"/>
        <source>Cannot start: port in use (%1). Choose another port in Settings, or close the program that uses it.</source>
        <translation>无法启动：端口已被占用（%1）。请在设置中选择其他端口，或关闭占用该端口的程序。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server refused to start: %1</source>
        <translation>服务器拒绝启动：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no reason given</source>
        <translation>未说明原因</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>The server crashed; restarting in %n second(s).</source>
        <translation>
            <numerusform>服务器崩溃；%n 秒后重新启动。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>The server stopped unexpectedly (exit code %1); restarting in %n second(s).</source>
        <translation>
            <numerusform>服务器意外停止（退出代码 %1）；%n 秒后重新启动。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The server program could not be started (%1): %2</source>
        <translation>无法启动服务器程序（%1）：%2</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The server reports a problem but gives no reason.</source>
        <translation>服务器报告了问题，但未说明原因。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server reports a problem: %1</source>
        <translation>服务器报告问题：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server does not answer its health check: %1</source>
        <translation>服务器未响应健康检查：%1</translation>
    </message>
</context>
<context>
    <name>jcr::gui::SettingsDialog</name>
    <message>
        <location filename="../../gui/settingsdialog.cpp" line="+52"/>
        <source>JCR MCP Settings</source>
        <translation>JCR MCP 设置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Streamable HTTP (/mcp, current clients)</source>
        <translation>Streamable HTTP（/mcp，新版客户端）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SSE (/sse, older clients)</source>
        <translation>SSE（/sse，旧版客户端）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Both, on one port</source>
        <translation>两者，同一端口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Transport:</source>
        <translation>传输方式(&amp;T)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This computer only (127.0.0.1)</source>
        <translation>仅本机（127.0.0.1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All network interfaces (0.0.0.0)</source>
        <translation>所有网络接口（0.0.0.0）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Listen on:</source>
        <translation>监听地址(&amp;L)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other computers on your network will be able to reach the server. Set an access token so that only people you give it to can use it.</source>
        <translation>您网络中的其他电脑将能访问此服务器。请设置访问令牌，只有获得令牌的人才能使用。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>none: anyone who can reach the port may use the server</source>
        <translation>无：任何能访问该端口的人都可以使用服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Access &amp;token:</source>
        <translation>访问令牌(&amp;T)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Journal data</source>
        <translation>期刊数据</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+5"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>&amp;Database file:</source>
        <translation>数据库文件(&amp;D)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the ShowJCR project online</source>
        <translation>在线 ShowJCR 项目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data &amp;source (folder or URL):</source>
        <translation>数据来源(&amp;S)（文件夹或网址）：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>App</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>L&amp;anguage:</source>
        <translation>语言(&amp;A)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A new language is used when the app is started again.</source>
        <translation>新语言将在应用重新启动后生效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start the server when the app starts</source>
        <translation>应用启动时启动服务器</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start the app when I log in</source>
        <translation>登录时启动应用</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Port %1 is already used by another program. Choose another port, or close that program.</source>
        <translation>端口 %1 已被其他程序占用。请选择其他端口，或关闭该程序。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The settings could not be written to %1.</source>
        <translation>无法将设置写入 %1。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Choose a port from 1 to 65535.</source>
        <translation>请选择 1 到 65535 之间的端口。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Port %1 is in use by another program.</source>
        <translation>端口 %1 正被其他程序使用。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server is listening on this port.</source>
        <translation>服务器正在监听此端口。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Port %1 is free.</source>
        <translation>端口 %1 可用。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Journal database</source>
        <translation>期刊数据库</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SQLite database (*.db)</source>
        <translation>SQLite 数据库 (*.db)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Folder with the ShowJCR files</source>
        <translation>包含 ShowJCR 文件的文件夹</translation>
    </message>
</context>
<context>
    <name>jcr::gui::StatusPresentation</name>
    <message>
        <location filename="../../gui/statuspresentation.cpp" line="+34"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Needs attention</source>
        <translation>需要处理</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Crashed</source>
        <translation>已崩溃</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+48"/>
        <source>JCR MCP server: %1</source>
        <translation>JCR MCP 服务器：%1</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>The journal server crashed</source>
        <translation>期刊服务器崩溃了</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The journal server needs attention</source>
        <translation>期刊服务器需要处理</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The journal server cannot start</source>
        <translation>期刊服务器无法启动</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The journal server is running again</source>
        <translation>期刊服务器已恢复运行</translation>
    </message>
</context>
<context>
    <name>jcr::gui::StatusWindow</name>
    <message>
        <location filename="../../gui/statuswindow.cpp" line="+34"/>
        <source>JCR MCP</source>
        <translation>JCR MCP</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
</context>
<context>
    <name>jcr::gui::TrayController</name>
    <message>
        <location filename="../../gui/traycontroller.cpp" line="+62"/>
        <source>&amp;Start server</source>
        <translation>启动服务器(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;top server</source>
        <translation>停止服务器(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Restart server</source>
        <translation>重启服务器(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;ettings…</source>
        <translation>设置(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Connect to Claude Desktop…</source>
        <translation>连接到 Claude Desktop(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy connection &amp;URL</source>
        <translation>复制连接网址(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy client &amp;config (JSON)</source>
        <translation>复制客户端配置（JSON）(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Update journal data…</source>
        <translation>更新期刊数据(&amp;U)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Look up a journal…</source>
        <translation>查询期刊(&amp;L)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;log</source>
        <translation>打开日志(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not part of this build.</source>
        <translation>此版本不包含该功能。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>JCR MCP</source>
        <translation>JCR MCP</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>No journal data yet. Choose “Update journal data…” to download it.</source>
        <translation>还没有期刊数据。请选择“更新期刊数据…”进行下载。</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>The folder with the ShowJCR files</source>
        <translation>ShowJCR 数据文件所在的文件夹</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Restart the server?</source>
        <translation>重启服务器？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server uses the new settings only after a restart. Clients that are connected now will have to connect again.

Restart the server now?</source>
        <translation>服务器需要重启后才会使用新设置。当前已连接的客户端需要重新连接。

现在重启服务器吗？</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Journal data updated</source>
        <translation>期刊数据已更新</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The lookup window and the server use the new data.</source>
        <translation>查询窗口和服务器已使用新数据。</translation>
    </message>
</context>
<context>
    <name>jcr::gui::TrendChartWidget</name>
    <message>
        <location filename="../../gui/trendchartwidget.cpp" line="+64"/>
        <source>Save chart as image…</source>
        <translation>将图表另存为图片…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+90"/>
        <source>Impact factor per year</source>
        <translation>历年影响因子</translation>
    </message>
    <message>
        <location line="-52"/>
        <location line="+75"/>
        <source>CAS</source>
        <translation>中科院</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No impact factor in the data</source>
        <translation>数据中没有影响因子</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The chart cannot be saved as %1: %2</source>
        <translation>无法将图表保存为 %1：%2</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+8"/>
        <source>Save chart as image</source>
        <translation>将图表另存为图片</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
</context>
<context>
    <name>jcr::gui::UpdateDataDialog</name>
    <message>
        <location filename="../../gui/updatedatadialog.cpp" line="+68"/>
        <source>Update journal data</source>
        <translation>更新期刊数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Downloads the newest journal lists (JCR impact factors, CAS partitions, the warning list, CCF ranks) and rebuilds the journal database. The server keeps answering from the current data until the new database is complete.</source>
        <translation>下载最新的期刊数据（JCR 影响因子、中科院分区、预警名单、CCF 推荐等级）并重建期刊数据库。在新数据库完成之前，服务器继续使用当前数据回答查询。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the ShowJCR project online</source>
        <translation>在线 ShowJCR 项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source: %1
Database: %2</source>
        <translation>数据来源：%1
数据库：%2</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Starting the update…</source>
        <translation>正在开始更新…</translation>
    </message>
    <message>
        <location line="-55"/>
        <location line="+66"/>
        <location line="+10"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>The journal data is up to date: %n journal(s). The server now answers from the new data.</source>
        <translation>
            <numerusform>期刊数据已是最新：共 %n 种期刊。服务器现在使用新数据回答查询。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Downloaded from %1</source>
        <translation>数据来源：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The update was cancelled. Your previous journal data is unchanged.</source>
        <translation>更新已取消。原有的期刊数据保持不变。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../gui/main.cpp" line="+66"/>
        <source>Runs the JCR MCP server in the background and shows its status in the system tray.</source>
        <translation>在后台运行 JCR MCP 服务器，并在系统托盘中显示其状态。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open a window at start: %1.</source>
        <translation>启动时打开窗口：%1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Do not start the server.</source>
        <translation>不启动服务器。</translation>
    </message>
</context>
</TS>
