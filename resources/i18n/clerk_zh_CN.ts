<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminScreen</name>
    <message>
        <location filename="../../ui/admin/admin_screen.py" line="+21"/>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service items</source>
        <translation>事项目录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counters</source>
        <translation>窗口</translation>
    </message>
</context>
<context>
    <name>CallTableModel</name>
    <message>
        <location filename="../../ui/display/call_model.py" line="+25"/>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
</context>
<context>
    <name>CatalogTab</name>
    <message>
        <location filename="../../ui/admin/admin_tabs.py" line="+54"/>
        <source>Search by item name, code or department</source>
        <translation>按事项名称、编码或部门搜索</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>共 %n 项事项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CategoryLoadModel</name>
    <message>
        <location filename="../../ui/common/catalog_models.py" line="+115"/>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>业务类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting</source>
        <translation>等候人数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest wait (min)</source>
        <translation>最长等候（分钟）</translation>
    </message>
</context>
<context>
    <name>CategoryTile</name>
    <message>
        <location filename="../../ui/dashboard/category_tile.py" line="+42"/>
        <source>waiting · longest wait %1 min</source>
        <translation>等候人数 · 最长等候 %1 分钟</translation>
    </message>
</context>
<context>
    <name>CounterScreen</name>
    <message>
        <location filename="../../ui/counter/counter_screen.py" line="+55"/>
        <source>No counter</source>
        <translation>未选择窗口</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Available</source>
        <translation>服务中</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Arrives with the queue feature</source>
        <translation>排队叫号功能即将上线</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Arrives with the acceptance feature</source>
        <translation>办件受理功能即将上线</translation>
    </message>
</context>
<context>
    <name>CounterTableModel</name>
    <message>
        <location filename="../../ui/common/catalog_models.py" line="-41"/>
        <source>No.</source>
        <translation>窗口号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Counter</source>
        <translation>窗口名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Categories served</source>
        <translation>服务业务类别</translation>
    </message>
</context>
<context>
    <name>CounterView</name>
    <message>
        <location filename="../../ui/counter/counter_view.py" line="+65"/>
        <source>Current ticket</source>
        <translation>当前号票</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No ticket called yet</source>
        <translation>尚未叫号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call next</source>
        <translation>叫号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recall</source>
        <translation>重呼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No-show</source>
        <translation>过号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfer</source>
        <translation>转窗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause service</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Queue</source>
        <translation>排队情况</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Acceptance</source>
        <translation>办件受理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find the service item: name, code or department</source>
        <translation>查找事项：名称、编码或实施部门</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tolerant acceptance</source>
        <translation>容缺受理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One-time notice</source>
        <translation>一次性告知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Resident ID or unified social credit code</source>
        <translation>公民身份号码或统一社会信用代码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number:</source>
        <translation>证件号码：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone:</source>
        <translation>联系电话：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Materials</source>
        <translation>申请材料</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a service item to see the materials it requires.</source>
        <translation>选择事项后，此处列出所需申请材料。</translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <location filename="../../ui/dashboard/dashboard_screen.py" line="+30"/>
        <source>Queue dashboard</source>
        <translation>排队监控</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Counters</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deadline warnings and bad reviews</source>
        <translation>红黄牌预警与差评整改</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cases near or past their due date and reviews that need rectification will be listed here.</source>
        <translation>临近或超过办结时限的办件、需要整改的差评将在此列出。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Waiting in hall: %1</source>
        <translation>大厅等候：%1 人</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/common/errors.py" line="+18"/>
        <source>Clerk desk</source>
        <translation>一窗受理</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Something unexpected went wrong; the details were written to the log. Please tell the administrator.</source>
        <translation>发生了意外错误，详细信息已写入日志，请联系管理员。</translation>
    </message>
</context>
<context>
    <name>HallDisplayWindow</name>
    <message>
        <location filename="../../ui/display/hall_display_window.py" line="+51"/>
        <source>Please wait for your number to be called</source>
        <extracomment>How many recent calls fit on a 1080p screen at the display&apos;s text size.</extracomment>
        <translation>请留意叫号，耐心等候</translation>
    </message>
    <message numerus="yes">
        <location line="+71"/>
        <source>%n counter(s) serving today</source>
        <translation>
            <numerusform>今日共有 %n 个窗口为您服务</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ItemTableModel</name>
    <message>
        <location filename="../../ui/common/catalog_models.py" line="-54"/>
        <source>Item code</source>
        <translation>事项编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service item</source>
        <translation>事项名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>实施部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>办件类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statutory (working days)</source>
        <translation>法定时限（工作日）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promised (working days)</source>
        <translation>承诺时限（工作日）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tolerant acceptance</source>
        <translation>可容缺受理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fee (yuan)</source>
        <translation>收费（元）</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../ui/kiosk/kiosk_window.py" line="+51"/>
        <source>Please touch the service you need to take a number</source>
        <extracomment>Large enough to hit with a fingertip from a step away on a 1920×1080 touch screen.</extracomment>
        <translation>请点击您要办理的业务取号</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Priority service for the elderly, the disabled, servicemen and pregnant women: please ask the staff at the information desk.</source>
        <translation>老年人、残疾人、军人、孕妇等可优先办理，请向咨询台工作人员求助。</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Taking a number for queue %1 is not available yet; please ask the staff.</source>
        <translation>%1 类业务暂不能自助取号，请咨询工作人员。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/common/labels.py" line="+22"/>
        <source>Instant</source>
        <translation>即办件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promised</source>
        <translation>承诺件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Counter %1</source>
        <translation>%1号窗口</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login/login_dialog.py" line="+55"/>
        <location line="+35"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Integrated service window: sign in to start work</source>
        <translation>一窗受理 · 请登录后开始办公</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. clerk01</source>
        <translation>例如 clerk01</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No counter (supervisor, administrator)</source>
        <translation>不在窗口（值班长、管理员）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Counter:</source>
        <translation>窗口(&amp;C)：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Please enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+60"/>
        <source>%1 — Integrated service window</source>
        <translation>%1 — 一窗受理</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Session</source>
        <translation>会话(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reload</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>退出程序(&amp;Q)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Signed in as %1 (%2)</source>
        <translation>当前用户：%1（%2）</translation>
    </message>
</context>
<context>
    <name>MaterialTableModel</name>
    <message>
        <location filename="../../ui/counter/material_model.py" line="+20"/>
        <source>Material</source>
        <translation>材料名称</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Core</source>
        <translation>核心</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Form</source>
        <translation>形式</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>材料类型</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Non-core</source>
        <translation>非核心</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Original</source>
        <translation>原件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy</source>
        <translation>复印件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Original and copy</source>
        <translation>原件及复印件</translation>
    </message>
</context>
<context>
    <name>NoScreen</name>
    <message>
        <location filename="../../ui/main_window.py" line="-43"/>
        <source>The account of the %1 has no staff screen; start it with --%2.</source>
        <translation>%1账户没有工作人员界面，请使用 --%2 启动。</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <location filename="../../ui/admin/user_model.py" line="+16"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>正常</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message numerus="yes">
        <location filename="../../ui/admin/admin_tabs.py" line="-31"/>
        <source>%n staff account(s)</source>
        <translation>
            <numerusform>共 %n 个工作人员账户</numerusform>
        </translation>
    </message>
</context>
</TS>
