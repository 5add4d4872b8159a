<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AcceptancePanel</name>
    <message>
        <location filename="../../ui/acceptance/acceptance_panel.py" line="+90"/>
        <source>Record supplement (Alt+S)</source>
        <translation>登记补正材料（Alt+S）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate collected (Alt+L)</source>
        <translation>证照已领取（Alt+L）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open case: scan the receipt&apos;s barcode</source>
        <translation>调取办件：扫描回执条码</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>1 Applicant</source>
        <translation>1 申请人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2 Items</source>
        <translation>2 事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3 Materials</source>
        <translation>3 材料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>4 Decision</source>
        <translation>4 受理决定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>5 Paper</source>
        <translation>5 文书</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Alt+→ next · Alt+← back · Alt+1…5 step · Ctrl+N new</source>
        <translation>Alt+→ 下一步 · Alt+← 上一步 · Alt+1…5 跳转 · Ctrl+N 新申请</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Enter: preview · Ctrl+P: print what is due (then a reprint) · Ctrl+N: next</source>
        <translation>Enter：预览 · Ctrl+P：打印应交付的文书（再按为补打）· Ctrl+N：下一位申请人</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>No ticket</source>
        <translation>无号票</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ticket %1 · %2 case(s)</source>
        <translation>号票 %1 · 已办 %2 件</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>%1 · %2 item(s) · %3 material(s) missing or wrong</source>
        <translation>%1 · %2 个事项 · 缺少或不合格材料 %3 份</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Commitment letter printed (%1 page(s), %2): have it signed, then Alt+C.</source>
        <translation>承诺书已打印（%1 页，%2）：请申请人签字后按 Alt+C 确认已签署。</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../ui/admin/users/user_dialog.py" line="+99"/>
        <source>New staff account</source>
        <translation>新建账户</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>AdminItemModel</name>
    <message>
        <location filename="../../ui/admin/catalog/models.py" line="+46"/>
        <source>Item code</source>
        <translation>事项编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>业务类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
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
        <translation>容缺受理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authority</source>
        <translation>实施主体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Materials</source>
        <translation>申请材料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>In service</source>
        <translation>在用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Retired</source>
        <translation>停用</translation>
    </message>
</context>
<context>
    <name>AdminPages</name>
    <message>
        <location filename="../../ui/admin/appointments/appointments_page.py" line="+110"/>
        <source>Appointments</source>
        <translation>预约</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar/calendar_page.py" line="+112"/>
        <source>Calendar</source>
        <translation>工作日日历</translation>
    </message>
    <message>
        <location filename="../../ui/admin/credit/credit_page.py" line="+127"/>
        <source>Credit list</source>
        <translation>信用名单</translation>
    </message>
    <message>
        <location filename="../../ui/admin/imports/imports_page.py" line="+19"/>
        <source>Imports</source>
        <translation>导入导出</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings/settings_page.py" line="+39"/>
        <source>Hall settings</source>
        <translation>大厅设置</translation>
    </message>
</context>
<context>
    <name>AdminScreen</name>
    <message>
        <location filename="../../ui/admin/admin_screen.py" line="+30"/>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
</context>
<context>
    <name>AlertModel</name>
    <message>
        <location filename="../../ui/dashboard/alert_model.py" line="+27"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alert</source>
        <translation>预警</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long</source>
        <translation>时长/期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter does</source>
        <translation>回车操作</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Red</source>
        <translation>红牌</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Yellow</source>
        <translation>黄牌</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Long wait</source>
        <translation>等候超时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No window open for a waiting queue</source>
        <translation>有人等候但无窗口办理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Window idle while its queue waits</source>
        <translation>窗口空闲而队列有人等候</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket stranded at an offline window</source>
        <translation>离线窗口滞留号票</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case due soon (yellow card)</source>
        <translation>办件临近时限（黄牌）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case overdue (red card)</source>
        <translation>办件超期（红牌）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supplement due</source>
        <translation>容缺补正即将到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supplement overdue</source>
        <translation>容缺逾期未补正</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bad review awaiting rectification</source>
        <translation>差评待整改</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+5"/>
        <source>Window %1: %2</source>
        <translation>%1号窗口：%2</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Window %1</source>
        <translation>%1号窗口</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 min</source>
        <translation>%1分钟</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 working day(s) overdue</source>
        <translation>超期%1个工作日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 working day(s) left</source>
        <translation>剩余%1个工作日</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show its windows</source>
        <translation>查看办理窗口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the window</source>
        <translation>查看该窗口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the ticket back in the queue</source>
        <translation>号票放回队列原位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the case</source>
        <translation>打开办件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the rectification</source>
        <translation>打开差评整改</translation>
    </message>
</context>
<context>
    <name>ApplicantPage</name>
    <message>
        <location filename="../../ui/acceptance/applicant_page.py" line="+58"/>
        <source>Person (Alt+P)</source>
        <translation>个人（Alt+P）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enterprise (Alt+E)</source>
        <translation>企业（Alt+E）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Scan or type the ID card or licence code, then Enter</source>
        <translation>扫描或输入身份证号、统一社会信用代码，按回车</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Scan:</source>
        <translation>扫描：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID / USCC:</source>
        <translation>证件号码：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Legal representative:</source>
        <translation>法定代表人：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agent at the counter:</source>
        <translation>经办人：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agent&apos;s resident ID:</source>
        <translation>经办人身份证号：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter: next empty field, then the items · Tab: every field · Alt+→: items</source>
        <translation>回车：下一个待填项，填完进入事项 · Tab：逐项 · Alt+→：事项</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Credit black list: joint sanctions</source>
        <translation>信用黑名单（联合惩戒）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Broken commitment, not repaired</source>
        <translation>有未修复的失信记录（容缺逾期未补正）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Credit red list: joint incentives</source>
        <translation>信用红名单（联合激励）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No credit list entry</source>
        <translation>无红黑名单记录</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enterprise name</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unified social credit code (18)</source>
        <translation>统一社会信用代码（18位）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resident ID number (18)</source>
        <translation>公民身份号码（18位）</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Valid</source>
        <translation>校验通过</translation>
    </message>
</context>
<context>
    <name>AppointmentModel</name>
    <message>
        <location filename="../../ui/admin/appointments/appointments_page.py" line="-75"/>
        <source>Code</source>
        <translation>预约号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slot</source>
        <translation>时段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>业务类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Online</source>
        <translation>网上预约</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked in</source>
        <translation>已签到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>AppointmentsPage</name>
    <message>
        <location line="+66"/>
        <source>Book… (Ins)</source>
        <translation>预约…（Ins）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel booking… (Del)</source>
        <translation>取消预约…（Del）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import the day&apos;s bookings…</source>
        <translation>导入当日预约…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Cancel appointment %1</source>
        <translation>取消预约 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../ui/audit/audit_dialog.py" line="+21"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
</context>
<context>
    <name>AuditPanel</name>
    <message>
        <location filename="../../ui/audit/audit_panel.py" line="+46"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Who (part of the name)</source>
        <translation>操作人（名称的一部分）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Verify chain</source>
        <translation>校验审计链</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n 条</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checking the chain…</source>
        <translation>正在校验审计链…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Chain intact: %1 rows, head %2</source>
        <translation>审计链完好：%1 条，链头 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chain BROKEN: %1</source>
        <translation>审计链已损坏：%1</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../ui/audit/audit_model.py" line="+23"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <location filename="../../ui/admin/appointments/appointments_page.py" line="-101"/>
        <source>Book an appointment</source>
        <translation>登记预约</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+10"/>
        <source>Phone</source>
        <translation>电话预约</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Counter</source>
        <translation>窗口预约</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Category</source>
        <translation>业务类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number (optional)</source>
        <translation>证件号码（选填）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Booked by</source>
        <translation>预约方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>结束</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <location filename="../../ui/admin/calendar/calendar_page.py" line="+10"/>
        <source>Enter the notice… (Ctrl+N)</source>
        <translation>录入放假通知…（Ctrl+N）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Known from the published calendar; working days are counted.</source>
        <translation>已内置该年节假日安排，可计算工作日。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The notice is entered; working days are counted.</source>
        <translation>该年放假通知已录入，可计算工作日。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not entered: working days of this year cannot be counted.</source>
        <translation>尚未录入：该年工作日无法计算。</translation>
    </message>
</context>
<context>
    <name>CallTableModel</name>
    <message>
        <location filename="../../ui/display/call_model.py" line="+46"/>
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
    <name>CallTicketDialog</name>
    <message>
        <location filename="../../ui/counter/call_ticket_dialog.py" line="+27"/>
        <source>Call a number</source>
        <translation>指定叫号</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Came back with the missing materials</source>
        <translation>补齐材料后返回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Elderly, disabled or ill applicant</source>
        <translation>老弱病残，特殊照顾</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent here by another window</source>
        <translation>其他窗口转来</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved by the supervisor</source>
        <translation>经值班长同意</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ticket &amp;number:</source>
        <translation>号票号码(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <location filename="../../ui/dashboard/case_dialog.py" line="+16"/>
        <source>Case %1</source>
        <translation>办件 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due date</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supplement due</source>
        <translation>补正期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working days left</source>
        <translation>剩余工作日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Window</source>
        <translation>受理窗口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still owed</source>
        <translation>尚缺材料</translation>
    </message>
</context>
<context>
    <name>CategoriesPage</name>
    <message>
        <location filename="../../ui/admin/counters/page.py" line="+24"/>
        <source>New category</source>
        <translation>新建类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename</source>
        <translation>改名</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Queue categories</source>
        <translation>业务类别</translation>
    </message>
</context>
<context>
    <name>CategoryButton</name>
    <message>
        <location filename="../../ui/kiosk/category_button.py" line="+55"/>
        <source>No one waiting</source>
        <translation>当前无人等候</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 waiting · no counter open now</source>
        <translation>等候 %1 人 · 暂无窗口办理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No counter open now</source>
        <translation>暂无窗口办理</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 waiting · about %2 min</source>
        <translation>等候 %1 人 · 约 %2 分钟</translation>
    </message>
</context>
<context>
    <name>CategoryDialog</name>
    <message>
        <location filename="../../ui/admin/counters/counter_dialog.py" line="+29"/>
        <source>New queue category</source>
        <translation>新建业务类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Queue category</source>
        <translation>业务类别</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>One letter A–Z, printed on the ticket</source>
        <translation>一个字母 A–Z，印在号票上</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prefix</source>
        <translation>字头</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
</context>
<context>
    <name>CategoryModel</name>
    <message>
        <location filename="../../ui/admin/counters/models.py" line="+16"/>
        <source>Prefix</source>
        <translation>字头</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Category</source>
        <translation>业务类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Counters serving</source>
        <translation>办理窗口数</translation>
    </message>
</context>
<context>
    <name>CategoryTile</name>
    <message>
        <location filename="../../ui/dashboard/category_tile.py" line="+47"/>
        <source>waiting</source>
        <translation>人等候</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>waiting
no window open</source>
        <translation>人等候
暂无窗口办理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>waiting · about %1 min
%2 window(s) open</source>
        <translation>人等候 · 约 %1 分钟
%2 个窗口服务中</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>longest %1 · average %2
served %3 · no-shows %4</source>
        <translation>最长%1 · 平均%2
已办%3 · 过号%4</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 min</source>
        <translation>%1分钟</translation>
    </message>
</context>
<context>
    <name>ChartsPanel</name>
    <message>
        <location filename="../../ui/dashboard/charts_panel.py" line="+57"/>
        <source>Today by hour</source>
        <translation>今日分时段取号与办结</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>tickets</source>
        <translation>号数</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>hour</source>
        <translation>时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>arrivals</source>
        <translation>取号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>services</source>
        <translation>办结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waits today</source>
        <translation>今日等候时长分布</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Satisfaction, last 30 days</source>
        <translation>近 30 天各窗口满意度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>window</source>
        <translation>窗口</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../ui/acceptance/checklist_model.py" line="+44"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Material</source>
        <translation>材料名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>材料类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Received</source>
        <translation>已收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Core</source>
        <translation>核心</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Non-core</source>
        <translation>非核心</translation>
    </message>
</context>
<context>
    <name>CounterDialog</name>
    <message>
        <location filename="../../ui/admin/counters/counter_dialog.py" line="+21"/>
        <source>New counter</source>
        <translation>新建窗口</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>e.g. Integrated counter 5 (empty: &quot;5号窗口&quot;)</source>
        <translation>如 综合窗口5（不填则为“5号窗口”）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Integrated counter (every department)</source>
        <translation>综合窗口（各部门事项）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Letters in serving order, e.g. C E</source>
        <translation>按办理顺序填写字母，如 C E</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number</source>
        <translation>窗口号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>窗口类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Categories (%1)</source>
        <translation>业务类别（%1）</translation>
    </message>
</context>
<context>
    <name>CounterModel</name>
    <message>
        <location filename="../../ui/admin/counters/models.py" line="+15"/>
        <source>No.</source>
        <translation>号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Integrated / department</source>
        <translation>综合 / 部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Categories in serving order</source>
        <translation>业务类别（办理顺序）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Integrated</source>
        <translation>综合窗口</translation>
    </message>
</context>
<context>
    <name>CounterScreen</name>
    <message>
        <location filename="../../ui/counter/counter_screen.py" line="+101"/>
        <source>No counter</source>
        <translation>未选择窗口</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1  Open case: scan or type the case number, Enter</source>
        <translation>%1  调取办件：扫描或输入办件编号，回车</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Genuine document of case %1, issued %2.</source>
        <translation>文书真实：办件 %1，出具日期 %2。</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>The application in progress was kept: Ctrl+N starts a new one.</source>
        <translation>正在受理的申请已保留，按 Ctrl+N 开始新的受理。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Application not submitted</source>
        <translation>受理尚未提交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The application in progress has not been submitted. Discard it?</source>
        <translation>当前受理尚未提交，是否放弃？</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Discard</source>
        <translation>放弃(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Return to the application</source>
        <translation>返回受理(&amp;R)</translation>
    </message>
</context>
<context>
    <name>CounterStateModel</name>
    <message>
        <location filename="../../ui/dashboard/counter_state_model.py" line="+45"/>
        <source>No.</source>
        <translation>窗口号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counter</source>
        <translation>窗口名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Categories served</source>
        <translation>服务业务类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clerk</source>
        <translation>窗口人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In service</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For</source>
        <translation>时长</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>serving %1 min</source>
        <translation>办理中 %1分钟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>idle %1 min</source>
        <translation>空闲 %1分钟</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Offline · ticket stranded</source>
        <translation>离线 · 号票滞留</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open</source>
        <translation>服务中</translation>
    </message>
</context>
<context>
    <name>CounterTableModel</name>
    <message>
        <location filename="../../ui/common/catalog_models.py" line="+76"/>
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
        <source>Queue</source>
        <translation>排队情况</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Acceptance</source>
        <translation>办件受理</translation>
    </message>
</context>
<context>
    <name>CountersPage</name>
    <message>
        <location filename="../../ui/admin/counters/page.py" line="+29"/>
        <source>New counter</source>
        <translation>新建窗口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Counters</source>
        <translation>窗口</translation>
    </message>
</context>
<context>
    <name>CreditEntryDialog</name>
    <message>
        <location filename="../../ui/admin/credit/credit_page.py" line="-47"/>
        <source>New credit list entry</source>
        <translation>新增信用名单记录</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Red list</source>
        <translation>红名单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Black list</source>
        <translation>黑名单</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ends on</source>
        <translation>截止于</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>USCC</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enterprise</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List</source>
        <translation>名单类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source department</source>
        <translation>认定部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid from</source>
        <translation>有效期起</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid to</source>
        <translation>有效期止</translation>
    </message>
</context>
<context>
    <name>CreditPage</name>
    <message>
        <location line="+25"/>
        <source>Add… (Ins)</source>
        <translation>新增…（Ins）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit repair… (Ctrl+R)</source>
        <translation>信用修复…（Ctrl+R）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End entry… (Del)</source>
        <translation>失效…（Del）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import from the credit platform…</source>
        <translation>从信用平台导入…</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Credit repair</source>
        <translation>信用修复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grounds</source>
        <translation>修复依据</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>End the entry from today</source>
        <translation>自今日起失效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>CreditTableModel</name>
    <message>
        <location line="-162"/>
        <source>USCC</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enterprise</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List</source>
        <translation>名单类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source department</source>
        <translation>认定部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid from</source>
        <translation>有效期起</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid to</source>
        <translation>有效期止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Red list</source>
        <translation>红名单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Black list</source>
        <translation>黑名单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Broken commitment</source>
        <translation>失信（逾期未补正）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ended %1</source>
        <translation>已于 %1 失效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Repaired</source>
        <translation>已信用修复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In force</source>
        <translation>有效</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not in force</source>
        <translation>未生效或已过期</translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <location filename="../../ui/dashboard/dashboard_screen.py" line="+151"/>
        <source>Windows serving %1: %2</source>
        <translation>办理%1类业务的窗口：%2</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Window %1 holds no ticket any more.</source>
        <translation>%1 号窗口已没有办理中的号票。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Window %1: %2 finished.</source>
        <translation>%1 号窗口：%2 已办结。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Window %1: %2 is back in the queue at its place.</source>
        <translation>%1 号窗口：%2 已放回队列原位。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Queue dashboard</source>
        <translation>排队监控</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close today&apos;s queue? Every ticket still waiting is marked expired and can no longer be called.</source>
        <translation>结束今日排队？所有仍在等候的号票将标记为过期，不能再叫号。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Today&apos;s queue is closed: %1 waiting ticket(s) expired.</source>
        <translation>今日排队已结束：%1 张等候中的号票已过期。</translation>
    </message>
    <message>
        <location line="-168"/>
        <location line="+104"/>
        <source>Waiting in hall: %1</source>
        <translation>大厅等候：%1 人</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../ui/dashboard/dashboard_view.py" line="+37"/>
        <source>Queue dashboard</source>
        <translation>排队监控</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Put its ticket back in the queue</source>
        <translation>号票放回队列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish its ticket</source>
        <translation>号票办结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close today&apos;s queue…</source>
        <translation>结束今日排队…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report…</source>
        <translation>报表…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A report of a date range as .xlsx or .pdf (Ctrl+E)</source>
        <translation>按日期范围导出报表（.xlsx 或 .pdf）（Ctrl+E）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit log…</source>
        <translation>审计日志…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who did what, and the chain&apos;s check (Ctrl+Shift+L)</source>
        <translation>谁做了什么，以及审计链校验（Ctrl+Shift+L）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For an offline window that still holds a ticket (shown in red).</source>
        <translation>用于离线但仍有办理中号票的窗口（红色显示）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Counters</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Charts</source>
        <translation>统计图</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+9"/>
        <source>Enter on an alert takes its action.</source>
        <translation>选中预警按回车即可处理。</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Deadline warnings and bad reviews</source>
        <translation>红黄牌预警与差评整改</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 more case(s) near or past their deadline are not listed.</source>
        <translation>另有%1件临近或超过时限的办件未列出。</translation>
    </message>
</context>
<context>
    <name>DecisionPage</name>
    <message>
        <location filename="../../ui/acceptance/decision_page.py" line="+50"/>
        <source>Accept (Alt+A)</source>
        <translation>受理（Alt+A）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tolerant acceptance (Alt+T)</source>
        <translation>容缺受理（Alt+T）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One-time notice (Alt+N)</source>
        <translation>一次性告知（Alt+N）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject (Alt+R)</source>
        <translation>不予受理（Alt+R）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decide and issue now (Alt+I)</source>
        <translation>即办发证（Alt+I）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the commitment letter to sign (Ctrl+P)</source>
        <translation>打印承诺书供签字（Ctrl+P）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The applicant signed the commitment letter (Alt+C)</source>
        <translation>申请人已签署容缺受理承诺书（Alt+C）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Where it is not this hall&apos;s matter</source>
        <translation>不属于本机关职权范围时填写</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Tolerant acceptance</source>
        <translation>容缺受理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Supplement within (working days):</source>
        <translation>补正期限（工作日）：</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Rejection</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason for rejection:</source>
        <translation>不予受理理由：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal basis:</source>
        <translation>法律依据：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Competent body:</source>
        <translation>有权机关：</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Alt+A accept · tolerant: Ctrl+P print the commitment letter, Alt+C signed, Alt+T accept · Alt+N one-time notice · Alt+R reject · Alt+I issue now (a permit: its fields first) · Alt+←: back</source>
        <translation>Alt+A 受理 · 容缺：Ctrl+P 打印承诺书，Alt+C 已签署，Alt+T 容缺受理 · Alt+N 一次性告知 · Alt+R 不予受理 · Alt+I 即办发证（许可证须先填写许可内容）· Alt+←：上一步</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>First print the commitment letter for the applicant to sign.</source>
        <translation>请先打印容缺受理承诺书，由申请人签字。</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>No tolerant acceptance: %1</source>
        <translation>不能容缺受理：%1</translation>
    </message>
</context>
<context>
    <name>DenyDialog</name>
    <message>
        <location filename="../../ui/review/reason_dialog.py" line="+121"/>
        <source>Deny case %1</source>
        <translation>不予许可：办件 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason for denial:</source>
        <translation>不予许可理由(&amp;R)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Legal basis:</source>
        <translation>法律依据(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>DepartmentDialog</name>
    <message>
        <location filename="../../ui/admin/catalog/department_dialog.py" line="+18"/>
        <source>New department</source>
        <translation>新建部门</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
</context>
<context>
    <name>DepartmentField</name>
    <message>
        <location filename="../../ui/admin/users/user_dialog.py" line="-61"/>
        <source>Department (reviewers)</source>
        <translation>所属部门（审批人员）</translation>
    </message>
</context>
<context>
    <name>DepartmentModel</name>
    <message>
        <location filename="../../ui/admin/catalog/models.py" line="-55"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Items in service</source>
        <translation>在用事项数</translation>
    </message>
</context>
<context>
    <name>DepartmentsPage</name>
    <message>
        <location filename="../../ui/admin/catalog/page.py" line="+27"/>
        <source>New department</source>
        <translation>新建部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename</source>
        <translation>改名</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
</context>
<context>
    <name>DisplayView</name>
    <message>
        <location filename="../../ui/display/display_view.py" line="+127"/>
        <source>Please wait for your number to be called</source>
        <translation>请留意叫号，耐心等候</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Now serving</source>
        <translation>正在办理</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Recent calls</source>
        <translation>最近叫号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting</source>
        <translation>等候情况</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location filename="../../ui/acceptance/documents_model.py" line="+63"/>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Printed</source>
        <translation>打印情况</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1× (%2 reprint(s)), last %3</source>
        <translation>已打印 %1 次（补打 %2 次），最近 %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Printed at %1</source>
        <translation>已于 %1 打印</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <location filename="../../ui/acceptance/documents_panel.py" line="+80"/>
        <source>Preview (Enter)</source>
        <translation>预览（Enter）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print (Ctrl+P)</source>
        <translation>打印（Ctrl+P）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Documents to hand over</source>
        <translation>应交付申请人的文书</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Drawing %1…</source>
        <translation>正在生成%1…</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Printing %1…</source>
        <translation>正在打印%1…</translation>
    </message>
</context>
<context>
    <name>EditUserDialog</name>
    <message>
        <location filename="../../ui/admin/users/user_dialog.py" line="+84"/>
        <source>Staff account %1</source>
        <translation>账户 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/common/errors.py" line="+19"/>
        <source>Clerk desk</source>
        <translation>一窗受理</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Something unexpected went wrong; the details were written to the log. Please tell the administrator.</source>
        <translation>发生了意外错误，详细信息已写入日志，请联系管理员。</translation>
    </message>
</context>
<context>
    <name>EvaluatorView</name>
    <message>
        <location filename="../../ui/evaluator/evaluator_view.py" line="+66"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Please rate this service</source>
        <translation>请对本次服务进行评价</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Press 1 to 5 or touch a button</source>
        <translation>请按数字键 1–5 或点击按钮</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>What went wrong? (choose at least one)</source>
        <translation>哪里不满意？（至少选择一项）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Comment (optional, at most %1 characters)</source>
        <translation>留言（选填，最多 %1 字）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Back (Esc)</source>
        <translation>返回（Esc）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Submit (Enter)</source>
        <translation>提交（Enter）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Thank you for your rating!</source>
        <translation>感谢您的评价！</translation>
    </message>
</context>
<context>
    <name>EvaluatorWindow</name>
    <message>
        <location filename="../../ui/evaluator/evaluator_window.py" line="+103"/>
        <source>Connection lost; retrying…</source>
        <translation>连接中断，正在重试…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Counter %1</source>
        <translation>%1号窗口</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not in service</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Please go to another counter</source>
        <translation>请到其他窗口办理</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clerk at counter %1</source>
        <translation>%1号窗口工作人员</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Now serving number %1</source>
        <translation>正在为 %1 号办理</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Welcome</source>
        <translation>欢迎您</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the clerk</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number %1, served by %2</source>
        <translation>%1 号，由 %2 为您服务</translation>
    </message>
</context>
<context>
    <name>FilteredTable</name>
    <message>
        <location filename="../../ui/admin/forms.py" line="+50"/>
        <source>Filter (Ctrl+F)</source>
        <translation>筛选（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 of %2 shown</source>
        <translation>显示 %1 / 共 %2 条</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../ui/admin/form_dialog.py" line="+46"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>HallDisplayWindow</name>
    <message>
        <location filename="../../ui/display/hall_display_window.py" line="+92"/>
        <source>Please listen for your number and watch this screen</source>
        <translation>请留意语音叫号和本屏提示</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No counter is open now</source>
        <translation>暂无窗口办理</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n counter(s) serving you now</source>
        <translation>
            <numerusform>现有 %n 个窗口为您服务</numerusform>
        </translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Now serving</source>
        <translation>正在办理</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Connection to the queue lost; retrying…</source>
        <translation>与排队系统的连接中断，正在重试…</translation>
    </message>
</context>
<context>
    <name>HandoverCaseModel</name>
    <message>
        <location filename="../../ui/handover/handover_model.py" line="+113"/>
        <source>Case no.</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision</source>
        <translation>部门决定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>办件状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../ui/handover/handover_dialog.py" line="+84"/>
        <source>Result to the window</source>
        <translation>出件</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Case %1 has no department tasks: open it in the acceptance panel (F9).</source>
        <translation>办件 %1 没有部门任务：请在调取办件（F9）中打开。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Every department has decided: Alt+E marks the result ready.</source>
        <translation>各部门均已作出决定：按 Alt+E 出证。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The result is at the window. An item was denied: Alt+D prints the notice that explains why.</source>
        <translation>办理结果已到窗口。有事项不予许可：按 Alt+D 打印告知书说明理由。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The result is at the window: it may be collected or mailed.</source>
        <translation>办理结果已送达窗口：可领取或邮寄。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The result was handed over already.</source>
        <translation>办理结果已交付。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not every department has decided yet.</source>
        <translation>尚有部门未作出决定。</translation>
    </message>
    <message>
        <location filename="../../ui/handover/handover_returns.py" line="+71"/>
        <source>Ticket %1 is visit %2 of this case: why did the applicant come?</source>
        <translation>号票 %1 是本办件的第 %2 次来访：申请人为何再次前来？</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Visit %1 recorded: %2.</source>
        <translation>已记录第 %1 次来访：%2。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1 returned %2 (%3) for a supplement: %4</source>
        <translation>%1退回%2（%3）要求补正：%4</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Supplement for %1 recorded: the task is back in the inbox of %2.</source>
        <translation>办件 %1 的补正已收取：任务已回到%2的待办。</translation>
    </message>
    <message>
        <location filename="../../ui/handover/handover_dialog.py" line="+68"/>
        <source>The result of %1 is at the window.</source>
        <translation>办件 %1 已出证，办理结果已送达窗口。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Record why the applicant came first (Alt+V).</source>
        <translation>请先记录本次来访的原因（Alt+V）。</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>%1 mailed by %2, tracking no. %3 (%4).</source>
        <translation>办件 %1 已由%2寄出，邮寄单号 %3（%4）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 collected by the agent %2 (%3) at %4.</source>
        <translation>办件 %1 已由代领人 %2（%3）于 %4 领取。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 collected by the applicant at %2.</source>
        <translation>办件 %1 已由申请人于 %2 领取。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Valid</source>
        <translation>校验通过</translation>
    </message>
</context>
<context>
    <name>HandoverPaper</name>
    <message>
        <location filename="../../ui/handover/handover_paper.py" line="+50"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
</context>
<context>
    <name>HandoverView</name>
    <message>
        <location filename="../../ui/handover/handover_view.py" line="+41"/>
        <source>Scan or type the case number, Enter</source>
        <translation>扫描或输入办件编号，按回车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case or &amp;bundle no.</source>
        <translation>办件编号(&amp;B)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Why the applicant came</source>
        <translation>来访原因(&amp;W)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record the &amp;visit</source>
        <translation>记录来访(&amp;V)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Optional: what was handed in</source>
        <translation>选填：收取了哪些材料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;ote on the supplement</source>
        <translation>补正说明(&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record the supplement (Alt+S)</source>
        <translation>补正收件（Alt+S）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Returned task</source>
        <translation>退回补正的事项(&amp;R)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Mark the result r&amp;eady</source>
        <translation>出证(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Applicant collects</source>
        <translation>申请人领取(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;gent collects</source>
        <translation>代领(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By &amp;post</source>
        <translation>邮寄送达(&amp;P)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Authorisation &amp;letter handed in</source>
        <translation>已提交授权委托书(&amp;L)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Agent&apos;s &amp;name</source>
        <translation>代领人姓名(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agent&apos;s &amp;ID</source>
        <translation>代领人身份证号(&amp;I)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Tracking no.</source>
        <translation>邮寄单号(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Carrier</source>
        <translation>寄递企业(&amp;C)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Hand over (Ctrl+Enter)</source>
        <translation>交付(&amp;H)（Ctrl+Enter）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print again (Ctrl+P)</source>
        <translation>再次打印（Ctrl+P）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the &amp;denial notice</source>
        <translation>打印不予许可告知书(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Alt+E ready · Alt+A applicant · Alt+G agent · Alt+P post · Ctrl+Enter hand over and print · Ctrl+P print again · Alt+D denial notice · Esc close</source>
        <translation>Alt+E 出证 · Alt+A 申请人领取 · Alt+G 代领 · Alt+P 邮寄 · Ctrl+Enter 交付并打印 · Ctrl+P 再次打印 · Alt+D 不予许可告知书 · Esc 关闭</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Acceptance</source>
        <translation>受理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supplement</source>
        <translation>补正</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collecting the result</source>
        <translation>领证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asking about progress</source>
        <translation>咨询进度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>IdentityReveal</name>
    <message>
        <location filename="../../ui/acceptance/identity_reveal.py" line="+35"/>
        <source>Show full ID…</source>
        <translation>查看完整证件号…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Applicant ID: %1</source>
        <translation>申请人证件号：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Show full ID</source>
        <translation>查看完整证件号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why must the full ID number be seen? (recorded in the audit log)</source>
        <translation>为何需要查看完整证件号？（将记入审计日志）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Case %1
Applicant ID: %2</source>
        <translation>办件 %1
申请人证件号：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Agent ID: %1</source>
        <translation>代理人证件号：%1</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/admin/imports/import_dialog.py" line="+47"/>
        <source>Import the catalog</source>
        <translation>导入事项目录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import the credit list</source>
        <translation>导入信用名单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import the day&apos;s appointments</source>
        <translation>导入当日预约</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An .xlsx or .csv file</source>
        <translation>.xlsx 或 .csv 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dry run: check only, write nothing</source>
        <translation>试运行：只检查，不写入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save the report…</source>
        <translation>保存报告…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>表格文件 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose a file first.</source>
        <translation>请先选择文件。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking every row…</source>
        <translation>正在逐行检查…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comparing with the database…</source>
        <translation>正在与数据库比对…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing…</source>
        <translation>正在写入…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updating the database&apos;s statistics…</source>
        <translation>正在更新数据库统计信息…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The import failed.</source>
        <translation>导入失败。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Save the report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Table (*.csv);;Text (*.txt)</source>
        <translation>表格 (*.csv);;文本 (*.txt)</translation>
    </message>
</context>
<context>
    <name>ImportsPage</name>
    <message>
        <location filename="../../ui/admin/imports/imports_page.py" line="+7"/>
        <source>Every row is checked first; a file with any problem changes nothing. Importing the same file again changes nothing.</source>
        <translation>先逐行检查；文件有任何问题则不导入任何内容。同一文件再次导入不会改变数据。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import the catalog…</source>
        <translation>导入事项目录…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import the credit list…</source>
        <translation>导入信用名单…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import the day&apos;s appointments…</source>
        <translation>导入当日预约…</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <location filename="../../ui/admin/catalog/item_dialog.py" line="+50"/>
        <source>New service item</source>
        <translation>新建事项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Service item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The city or a district, e.g. 汕头市 or 金平区</source>
        <translation>市或区，如 汕头市、金平区</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Allows tolerant acceptance</source>
        <translation>允许容缺受理</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Item code</source>
        <translation>事项编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queue category</source>
        <translation>业务类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Statutory limit (working days)</source>
        <translation>法定时限（工作日）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Promised limit (working days)</source>
        <translation>承诺时限（工作日）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Authority</source>
        <translation>实施主体</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tolerant acceptance</source>
        <translation>容缺受理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Legal basis</source>
        <translation>设定依据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Materials</source>
        <translation>申请材料</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>core</source>
        <translation>核心</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>non-core</source>
        <translation>非核心</translation>
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
    <name>ItemsPage</name>
    <message>
        <location filename="../../ui/acceptance/items_page.py" line="+52"/>
        <source>Find the item: name, code, department or pinyin initials (e.g. lszy)</source>
        <translation>查找事项：名称、编码、部门或拼音首字母（如 lszy）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Only the first %1 matches are listed: type more to narrow the search.</source>
        <translation>仅列出前 %1 项，请继续输入以缩小范围。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Enter: one match is added, several are listed · Enter on a result: add it · Del: remove a chosen item · Alt+→: next step (materials)</source>
        <translation>回车：仅一项时直接添加，多项时列出 · 在结果上回车：添加 · Del：移除已选事项 · Alt+→：下一步（材料）</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Alt+K, or a package&apos;s name and Enter: a package, accepted in one go</source>
        <translation>Alt+K，或输入一件事名称后回车：选择一件事，一次受理</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>%1 · statutory %2 / promised %3 working days · fee %4 yuan · tolerant acceptance: %5 · %6</source>
        <translation>%1 · 法定 %2 / 承诺 %3 个工作日 · 收费 %4 元 · 容缺受理：%5 · %6</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Package %1: %2 items, accepted in one go, due within %3 working day(s)</source>
        <translation>一件事“%1”：%2 个事项，一次受理，%3 个工作日内办结</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Chosen: %1 items, accepted together as one bundle</source>
        <translation>已选 %1 个事项，作为“一件事”一并受理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chosen: %1 item</source>
        <translation>已选 %1 个事项</translation>
    </message>
    <message>
        <location filename="../../ui/admin/catalog/page.py" line="+27"/>
        <source>New item</source>
        <translation>新建事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retire / restore</source>
        <translation>停用 / 恢复</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Service items</source>
        <translation>事项目录</translation>
    </message>
</context>
<context>
    <name>KioskView</name>
    <message>
        <location filename="../../ui/kiosk/kiosk_view.py" line="+92"/>
        <source>Please touch the service you need to take a number</source>
        <translation>请点击您要办理的业务取号</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Priority service for the elderly, the disabled, servicemen and pregnant women: choose it above; the staff may ask for your certificate.</source>
        <translation>老年人、残疾人、军人、孕妇可在上方选择优先办理，工作人员可能查验相关证件。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Case progress</source>
        <translation>查询办件进度</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../ui/kiosk/kiosk_window.py" line="+193"/>
        <source>Real-name ticket for %1</source>
        <extracomment>How long the ticket stays on screen before the kiosk is ready for the next person.</extracomment>
        <translation>实名取号：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Without an ID you get an anonymous ticket.</source>
        <translation>不输入证件号码则取普通号。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Please enter or scan your appointment code.</source>
        <translation>请输入或扫描预约码。</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>the printer reported an error.</source>
        <translation>打印机报告了错误。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/common/labels.py" line="+23"/>
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
    <name>ListPage</name>
    <message>
        <location filename="../../ui/admin/list_page.py" line="+61"/>
        <source>Filter (Ctrl+F)</source>
        <translation>筛选（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>%1 of %2 shown</source>
        <translation>显示 %1 / %2</translation>
    </message>
</context>
<context>
    <name>ListPageText</name>
    <message numerus="yes">
        <location line="-133"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login/login_dialog.py" line="+72"/>
        <location line="+37"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="-31"/>
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
        <location line="+4"/>
        <source>Choose your counter</source>
        <translation>请选择所在窗口</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <location line="+33"/>
        <source>Please enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Counter in use</source>
        <translation>窗口已有人登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1
Sign in at this counter all the same?</source>
        <translation>%1
仍要在此窗口登录吗？</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Yes, sign in here</source>
        <translation>仍在此登录(&amp;Y)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;No, choose another</source>
        <translation>另选窗口(&amp;N)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+79"/>
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
        <location line="+4"/>
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
    <name>MaterialDialog</name>
    <message>
        <location filename="../../ui/admin/catalog/material_dialog.py" line="+18"/>
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
        <translation>原件和复印件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New material</source>
        <translation>新建材料</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Core material (cannot be deferred)</source>
        <translation>核心材料（不可容缺）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Name</source>
        <translation>材料名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Core</source>
        <translation>核心材料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Form</source>
        <translation>材料形式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes (Ctrl+Enter saves)</source>
        <translation>说明（Ctrl+Enter 保存）</translation>
    </message>
</context>
<context>
    <name>MaterialsPage</name>
    <message>
        <location filename="../../ui/acceptance/materials_page.py" line="+43"/>
        <source>Note for the chosen material: what is wrong or required (Enter saves)</source>
        <translation>所选材料的说明：问题或要求（回车保存）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>↑↓ or 1…9: choose · R: received · M: missing · W: wrong · Space: next status · N: note · Alt+→: next step (decision)</source>
        <translation>↑↓ 或 1…9：选择 · R：已收 · M：缺少 · W：不合格 · 空格：切换状态 · N：说明 · Alt+→：下一步（受理决定）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Shared (%1)</source>
        <translation>共享材料（%1）</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>All materials received.</source>
        <translation>材料齐全。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 material(s) missing or wrong, %2 of them core.</source>
        <translation>缺少或不合格材料 %1 份，其中核心材料 %2 份。</translation>
    </message>
</context>
<context>
    <name>NoScreen</name>
    <message>
        <location filename="../../ui/main_window.py" line="-53"/>
        <source>The account of the %1 has no staff screen; start it with --%2.</source>
        <translation>%1账户没有工作人员界面，请使用 --%2 启动。</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <location filename="../../ui/admin/calendar/calendar_page.py" line="-83"/>
        <source>Holiday notice for %1</source>
        <translation>%1 年放假通知</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Make-up workdays</source>
        <translation>调休上班日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notice reference</source>
        <translation>通知文号</translation>
    </message>
</context>
<context>
    <name>OptionsPanel</name>
    <message>
        <location filename="../../ui/kiosk/options_panel.py" line="+81"/>
        <source>Real-name ticket and priority (optional)</source>
        <extracomment>A resident ID or USCC: 18 letters and digits (full-width ones are folded by the core).</extracomment>
        <translation>实名取号与优先办理（可选）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan or type your ID card number or credit code</source>
        <translation>请扫描或输入身份证号码、统一社会信用代码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Without an ID you get an anonymous ticket.</source>
        <translation>不输入证件号码则取普通号。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Elderly</source>
        <translation>老年人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disabled</source>
        <comment>priority: a person with a disability</comment>
        <translation>残疾人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Military</source>
        <translation>军人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pregnant</source>
        <translation>孕妇</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Appointment check-in</source>
        <translation>预约签到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appointment code</source>
        <translation>预约码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check in</source>
        <translation>签到</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Booked online? Enter or scan the code to join the queue.</source>
        <translation>已网上预约？输入或扫描预约码即可排队。</translation>
    </message>
</context>
<context>
    <name>OverrideDayModel</name>
    <message>
        <location filename="../../ui/admin/calendar/calendar_page.py" line="-51"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Make-up workday</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Day off</source>
        <translation>放假</translation>
    </message>
</context>
<context>
    <name>PackageChoice</name>
    <message>
        <location filename="../../ui/acceptance/package_choice.py" line="+35"/>
        <source>Packages (Alt+K): Enter chooses one, accepted in one go</source>
        <translation>一件事（Alt+K）：回车选择，一次受理</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>%1 · %2 item(s) · within %3 working day(s)</source>
        <translation>%1 · %2 个事项 · %3 个工作日内办结</translation>
    </message>
</context>
<context>
    <name>PackageDialog</name>
    <message>
        <location filename="../../ui/admin/packages/package_dialog.py" line="+73"/>
        <source>New one-thing package</source>
        <translation>新建一件事</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>One-thing package</source>
        <translation>一件事</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Filter the catalog by code, name or initials</source>
        <translation>按编码、名称或拼音首字母筛选事项</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Package code</source>
        <translation>一件事编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Promised limit (working days)</source>
        <translation>承诺时限（工作日）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Items (Space ticks)</source>
        <translation>包含事项（空格键勾选）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order of the items</source>
        <translation>事项顺序</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shared materials</source>
        <translation>共享材料</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>PackageModel</name>
    <message>
        <location filename="../../ui/admin/packages/models.py" line="+17"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Package</source>
        <translation>一件事</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promised (working days)</source>
        <translation>承诺时限（工作日）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items</source>
        <translation>包含事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shared materials</source>
        <translation>共享材料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Inactive</source>
        <translation>停用</translation>
    </message>
</context>
<context>
    <name>PackagesPage</name>
    <message>
        <location filename="../../ui/admin/packages/page.py" line="+28"/>
        <source>New package</source>
        <translation>新建一件事</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take out of use / restore</source>
        <translation>停用 / 恢复</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>One-thing packages</source>
        <translation>一件事</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../ui/admin/users/user_dialog.py" line="+16"/>
        <source>New password for %1</source>
        <translation>重设 %1 的密码</translation>
    </message>
</context>
<context>
    <name>PasswordFields</name>
    <message>
        <location line="-78"/>
        <source>At least %1 characters of two kinds (letters, digits, symbols)</source>
        <translation>至少 %1 个字符，含两类（字母、数字、符号）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
</context>
<context>
    <name>PermitForm</name>
    <message>
        <location filename="../../ui/acceptance/permit_form.py" line="+62"/>
        <source>Road occupation permit: what it allows</source>
        <translation>临时占用城市道路许可证：许可内容</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Road, section and side of the street</source>
        <translation>道路名称、路段及占用侧</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>e.g. stacking building materials</source>
        <translation>例如：堆放建筑材料</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One condition per line</source>
        <translation>每行一项许可条件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Location:</source>
        <translation>占用地点：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Area:</source>
        <translation>占用面积：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From:</source>
        <translation>占用期限自：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To:</source>
        <translation>至：</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Period: %1 to %2, %3 day(s)</source>
        <translation>占用期限：%1至%2，共%3天</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>d MMM yyyy</source>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Purpose:</source>
        <translation>占用用途：</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Conditions:</source>
        <translation>许可条件：</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../ui/printing/preview_dialog.py" line="+84"/>
        <source>Set as this counter&apos;s default</source>
        <translation>设为本窗口默认打印机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print (Ctrl+P)</source>
        <translation>打印（Ctrl+P）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print… (Ctrl+Shift+P)</source>
        <translation>打印…（Ctrl+Shift+P）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小（Ctrl+-）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom in (Ctrl++)</source>
        <translation>放大（Ctrl++）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit width (Ctrl+0)</source>
        <translation>适合宽度（Ctrl+0）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Printer:</source>
        <translation>打印机：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>PDF file (no printer)</source>
        <translation>PDF 文件（无打印机）</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 · case %2</source>
        <translation>%1 · 办件 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reprint</source>
        <translation>补打</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printed and recorded (record %1); printing again makes a reprint.</source>
        <translation>已打印并登记（记录 %1），再次打印即为补打。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Printed before: printing again makes a reprint.</source>
        <translation>此前已打印过，再次打印即为补打。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not printed yet.</source>
        <translation>尚未打印。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 is now this counter&apos;s printer.</source>
        <translation>已将 %1 设为本窗口的打印机。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This counter now saves its documents as PDF files.</source>
        <translation>本窗口今后将文书保存为 PDF 文件。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../ui/printing/pdf_printing.py" line="+59"/>
        <source>The document&apos;s PDF cannot be read (%1).</source>
        <translation>文书的 PDF 无法读取（%1）。</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>The printer %1 does not take the job; check it and print again.</source>
        <translation>打印机 %1 未接受打印任务，请检查打印机后重新打印。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/printers.py" line="+87"/>
        <source>Cannot write to the folder %1 (%2).</source>
        <translation>无法写入文件夹 %1（%2）。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/print_job.py" line="+35"/>
        <source>%1 (reprint)</source>
        <translation>%1（补打）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 was recorded but not printed: %2</source>
        <translation>%1 已登记，但未能打印：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No printer: %1 saved as %2</source>
        <translation>没有打印机：%1 已保存为 %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2 page(s) sent to %3.</source>
        <translation>%1：%2 页已发送到 %3。</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <location filename="../../ui/kiosk/progress_page.py" line="+48"/>
        <source>Case progress</source>
        <translation>办件进度</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scan the QR code on your receipt</source>
        <translation>请扫描回执上的二维码</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Hold the QR code of your acceptance receipt under the scanner.</source>
        <translation>请将受理回执上的二维码对准扫描器。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Applicant: %1 · Receipt no. %2</source>
        <translation>申请人：%1 · 受理编号：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Package: %1</source>
        <translation>一件事：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Expected to be concluded by %1</source>
        <translation>预计办结日期：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No due date: the case was not accepted.</source>
        <translation>无办结日期：该办件未受理。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Collect the result at: %1</source>
        <translation>领取地点：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (%2): %3</source>
        <translation>%1（%2）：%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> · department: %1</source>
        <translation> · 部门审批：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing is owed: all materials are in.</source>
        <translation>材料已齐全，无需补交。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still to hand in: %1</source>
        <translation>尚需补交：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (by %1)</source>
        <translation>（请于 %1 前补交）</translation>
    </message>
</context>
<context>
    <name>QueueDesk</name>
    <message>
        <location filename="../../ui/counter/queue_desk.py" line="+131"/>
        <source>%1 is still in service at this window from an earlier session: finish it (F6) or put it back in the queue.</source>
        <extracomment>This counter&apos;s name as the last read of its desk found it (&quot;&quot; until read).</extracomment>
        <translation>%1 是本窗口上次登录留下的办理中号票：请办结（F6）或放回队列。</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Queue · %1 waiting</source>
        <translation>排队 · %1 人等候</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No ticket in service</source>
        <translation>当前没有办理中的号票</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Taken at %1, %2 min ago · recalled %3 times</source>
        <translation>%1 取号，已过 %2 分钟 · 已重呼 %3 次</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Resume</source>
        <translation>恢复服务</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pause</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open</source>
        <translation>服务中</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>No one is waiting for this window.</source>
        <translation>本窗口当前无人等候。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+88"/>
        <source>Called %1.</source>
        <translation>已叫号 %1。</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>Called %1 again (recall %2).</source>
        <translation>已重呼 %1（第 %2 次）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 did not come: no-show.</source>
        <translation>%1 未到，已过号。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 finished.</source>
        <translation>%1 已办结。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is back in the queue at its place.</source>
        <translation>%1 已放回队列原位。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Service paused: this window calls no ticket until resumed.</source>
        <translation>已暂停服务：恢复前本窗口不再叫号。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Service resumed.</source>
        <translation>已恢复服务。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 transferred to %2.</source>
        <translation>%1 已转至%2。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>queue %1</source>
        <translation> %1 类业务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>window %1</source>
        <translation> %1 号窗口</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is the ticket in service.</source>
        <translation>%1 正在本窗口办理。</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../ui/review/reason_dialog.py" line="-42"/>
        <source>Save (Ctrl+Enter)</source>
        <translation>保存（Ctrl+Enter）</translation>
    </message>
</context>
<context>
    <name>ReconnectingScreen</name>
    <message>
        <location filename="../../ui/reconnecting_screen.py" line="+30"/>
        <source>Reconnecting…</source>
        <translation>正在重新连接…</translation>
    </message>
</context>
<context>
    <name>RectificationDialog</name>
    <message>
        <location filename="../../ui/dashboard/rectification_dialog.py" line="+63"/>
        <source>Bad review: rectification</source>
        <translation>差评整改</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ticket</source>
        <translation>号票</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clerk</source>
        <translation>窗口人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Calls</source>
        <translation>回访记录</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Measures taken, or the reason (cannot rectify, contest, decision)</source>
        <translation>整改措施，或理由（无法整改、申请无效差评、审核意见）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Measures or reaso&amp;n:</source>
        <translation>措施或理由(&amp;N)：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Start rectification</source>
        <translation>开始整改(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark &amp;rectified</source>
        <translation>整改完成(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot rectif&amp;y</source>
        <translation>无法整改(&amp;Y)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ontest as invalid</source>
        <translation>申请认定无效差评(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Approve contest</source>
        <translation>批准无效差评(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;ject contest</source>
        <translation>驳回无效差评申请(&amp;J)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>What was said on the call</source>
        <translation>回访时说了什么</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Applicant r&amp;eached</source>
        <translation>已联系上申请人(&amp;E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Log call</source>
        <translation>记录回访(&amp;L)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Call su&amp;mmary:</source>
        <translation>回访内容(&amp;M)：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Record &amp;follow-up</source>
        <translation>记录追评(&amp;F)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Follow-up ra&amp;ting:</source>
        <translation>追评(&amp;T)：</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Contested: %1</source>
        <translation>申请认定无效差评：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decision: %1</source>
        <translation>审核意见：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow-up rating: %1</source>
        <translation>追评：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>reached</source>
        <translation>已联系上</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not reached</source>
        <translation>未联系上</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../ui/dashboard/report_dialog.py" line="+59"/>
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>all windows</source>
        <translation>全部窗口</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>all clerks (user name)</source>
        <translation>全部窗口人员（用户名）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;From (yyyy-mm-dd)</source>
        <translation>开始日期(&amp;F)（年-月-日）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;To, inclusive</source>
        <translation>结束日期(&amp;T)（含当日）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Window</source>
        <translation>窗口(&amp;W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lerk</source>
        <translation>窗口人员(&amp;L)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Save report…</source>
        <translation>保存报表(&amp;S)…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>from</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Save report</source>
        <translation>保存报表</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Writing %1…</source>
        <translation>正在写出 %1…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Saved %1: %2 ticket(s), %3 served, %4 case(s).</source>
        <translation>已保存 %1：取号 %2，办理 %3，办件 %4。</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <location filename="../../ui/review/review_screen.py" line="+117"/>
        <source>Updated %1 (hall time)</source>
        <translation>更新于 %1（大厅时间）</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Case %1: %2.</source>
        <translation>办件 %1：%2。</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <location filename="../../ui/review/review_view.py" line="+30"/>
        <source>Department tasks (parallel approval)</source>
        <translation>部门任务（并联审批）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Take (Alt+T)</source>
        <translation>签收（Alt+T）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Take the task into your work</source>
        <translation>签收任务，开始办理</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Approve (Alt+A)</source>
        <translation>准予（Alt+A）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Approve the department&apos;s part</source>
        <translation>准予本部门事项</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deny… (Alt+D)</source>
        <translation>不予…（Alt+D）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deny, with the reason and legal basis</source>
        <translation>不予许可，并填写理由和法律依据</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Return for supplement… (Alt+U)</source>
        <translation>退回补正…（Alt+U）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask the applicant for what is missing, at the window</source>
        <translation>请申请人到窗口补正所缺材料</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show decided tasks (Alt+H)</source>
        <translation>显示已办结任务（Alt+H）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No task is waiting for your department.</source>
        <translation>本部门暂无待办任务。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Inbox</source>
        <translation>待办任务</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/admin/settings/settings_page.py" line="+9"/>
        <source>Hall</source>
        <translation>大厅</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document header</source>
        <translation>文书页眉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queue</source>
        <translation>排队叫号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases (容缺)</source>
        <translation>办件（容缺受理）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluation</source>
        <translation>好差评</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Nothing changed.</source>
        <translation>没有修改。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing was saved.</source>
        <translation>未保存任何内容。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>SharedDialog</name>
    <message>
        <location filename="../../ui/admin/packages/package_dialog.py" line="+179"/>
        <source>New shared material</source>
        <translation>新建共享材料</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shared material</source>
        <translation>共享材料</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stands for (Space ticks; two items or more)</source>
        <translation>代表的事项材料（空格键勾选；至少两个事项）</translation>
    </message>
</context>
<context>
    <name>SupplementDialog</name>
    <message>
        <location filename="../../ui/review/reason_dialog.py" line="+51"/>
        <source>Return case %1 for a supplement</source>
        <translation>退回补正：办件 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;What is missing:</source>
        <translation>需补正的内容(&amp;W)：</translation>
    </message>
</context>
<context>
    <name>TaskModel</name>
    <message>
        <location filename="../../ui/review/task_model.py" line="+29"/>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due date</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working days left</source>
        <translation>剩余工作日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Calendar not entered</source>
        <translation>未录入工作日历</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 overdue</source>
        <translation>已超期 %1 个工作日</translation>
    </message>
</context>
<context>
    <name>TicketPage</name>
    <message>
        <location filename="../../ui/kiosk/ticket_page.py" line="+40"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print again</source>
        <translation>重新打印</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Your number</source>
        <translation>您的号码</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 ahead of you · no counter open now</source>
        <translation>前面还有 %1 人 · 暂无窗口办理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 ahead of you · about %2 min</source>
        <translation>前面还有 %1 人 · 预计等候约 %2 分钟</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Your ticket is being printed; please take it below.</source>
        <translation>号票正在打印，请在下方取票。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Please take your ticket and watch the hall display.</source>
        <translation>请取走号票，留意叫号屏。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The ticket did not print: %1 Please note your number.</source>
        <translation>号票未能打印：%1 请记下您的号码。</translation>
    </message>
</context>
<context>
    <name>TicketPanel</name>
    <message>
        <location filename="../../ui/counter/ticket_panel.py" line="+43"/>
        <source>Current ticket</source>
        <extracomment>The function keys of the queue actions (叫号 F1 … 办结 F6, 指定叫号 F7) and of 验真 (F8). Puts the cursor in 调取办件 (open a case by its number) from wherever it is. Opens 出件: a decided case group&apos;s result collected or mailed (``ui.handover``). Queue keys are hit many times an hour: never squeezed below this height (pixels).</extracomment>
        <translation>当前号票</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No ticket called yet</source>
        <translation>尚未叫号</translation>
    </message>
    <message>
        <location line="+9"/>
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
        <source>Pause</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish</source>
        <translation>办结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call number</source>
        <translation>指定叫号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to queue</source>
        <translation>放回队列</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Verify a document</source>
        <translation>文书验真</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result to window</source>
        <translation>出件</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../ui/counter/transfer_dialog.py" line="+38"/>
        <source>Transfer ticket %1</source>
        <translation>转窗：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send %1 on; it keeps its place in the queue.</source>
        <translation>将 %1 转出，排队位置保持不变。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>To another &amp;category</source>
        <translation>转到其他业务类别(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To another &amp;window</source>
        <translation>转到其他窗口(&amp;W)</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <location filename="../../ui/admin/users/user_model.py" line="+16"/>
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
        <location line="+17"/>
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
    <name>UsersPage</name>
    <message>
        <location filename="../../ui/admin/users/page.py" line="+25"/>
        <source>New account</source>
        <translation>新建账户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset password</source>
        <translation>重设密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disable / enable</source>
        <translation>停用 / 启用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../ui/counter/verify_dialog.py" line="+41"/>
        <source>Verify a document (F8)</source>
        <translation>文书验真（F8）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan the QR code on the document</source>
        <translation>请扫描文书上的二维码</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Scan one document after another · Esc: close</source>
        <translation>可逐份连续扫描 · Esc：关闭</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Not genuine</source>
        <translation>非本中心真实文书</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Genuine</source>
        <translation>真 · 本中心出具</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Document: %1</source>
        <translation>文书：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case number: %1</source>
        <translation>办件编号：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued on: %1</source>
        <translation>出具日期：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded in this hall&apos;s print records: %1</source>
        <translation>本中心打印记录中有登记：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Case now: %1</source>
        <translation>办件当前状态：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The case is not in this hall&apos;s records.</source>
        <translation>本中心办件记录中没有该办件。</translation>
    </message>
</context>
<context>
    <name>WaitingModel</name>
    <message>
        <location filename="../../ui/display/call_model.py" line="+53"/>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Category</source>
        <translation>业务类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Waiting</source>
        <translation>等候人数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>About (min)</source>
        <translation>约需（分钟）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No counter open</source>
        <translation>暂无窗口办理</translation>
    </message>
</context>
<context>
    <name>WaitingTicketModel</name>
    <message>
        <location filename="../../ui/counter/waiting_model.py" line="+37"/>
        <source>#</source>
        <translation>序</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>业务类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>优先</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waited (min)</source>
        <translation>已等（分钟）</translation>
    </message>
</context>
</TS>
