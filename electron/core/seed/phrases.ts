/**
 * Text pools for the demo data: names, issue templates per category and locale, generic conversation
 * lines, canned replies, training assignments and rating comments. Simplified Chinese and English.
 */
import type { Category, Locale } from '../../../shared/schema';

// ---------------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------------

export const ZH_SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何',
  '林', '高', '罗', '郑', '梁', '谢', '宋', '唐', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董',
] as const;
/** Compound (two-character) surnames; used for a minority of customers. */
export const ZH_COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '慕容', '东方', '令狐', '皇甫'] as const;
export const ZH_GIVEN_NAMES = [
  '小明', '娜', '伟', '芳', '静', '强', '磊', '丽', '敏', '婷婷', '浩然', '子涵', '雨桐', '一诺', '思远',
  '佳怡', '俊杰', '晓东', '秀英', '建国', '欣怡', '宇轩', '梓萱', '明哲', '诗涵', '天佑', '嘉欣', '志强',
  '春燕', '海涛', '娜娜', '晨曦', '文博', '若溪', '家豪', '美玲', '鹏飞', '雪', '杰', '倩',
] as const;

export const EN_FIRST_NAMES = [
  'Emily', 'James', 'Olivia', 'Liam', 'Sophia', 'Noah', 'Ava', 'Ethan', 'Mia', 'Lucas', 'Chloe',
  'Daniel', 'Grace', 'Samuel', 'Zoe', 'Ryan', 'Hannah', 'Nathan', 'Lily', 'Aaron', 'Priya', 'Carlos',
  'Fatima', 'Kenji', 'Amara', 'Mateo', 'Isabella', 'Jack', 'Maya', 'Owen',
] as const;
export const EN_LAST_NAMES = [
  'Carter', 'Smith', 'Johnson', 'Brown', 'Nguyen', 'Garcia', 'Miller', 'Davis', 'Wilson', 'Taylor',
  'Anderson', 'Thomas', 'Martin', 'Lee', 'Walker', 'Hall', 'Young', 'King', 'Wright', 'Lopez', 'Patel',
  'Khan', 'Tanaka', 'Okafor', 'Rossi', 'Murphy', "O'Brien", 'Kim', 'Singh', 'Evans',
] as const;

// ---------------------------------------------------------------------------------------------------
// Issue templates: one coherent customer problem with the lines a conversation about it needs.
// ---------------------------------------------------------------------------------------------------

export interface IssueTemplate {
  subject: string;
  /** The customer's first description of the problem (to the bot). */
  problem: string;
  /** The bot's self-service answer. */
  botFaq: string;
  /** The agent's first question (after a greeting with the agent's name). */
  agentAsk: string;
  /** The customer's answer with details. */
  customerInfo: string;
  /** The agent's solution. */
  agentSolve: string;
  tags: string[];
}

type TemplatePools = Record<Locale, Record<Category, IssueTemplate[]>>;

export const TEMPLATES: TemplatePools = {
  'zh-CN': {
    account: [
      {
        subject: '收不到登录验证码，无法登录',
        problem: '我登录的时候一直收不到短信验证码，点了好几次重新发送都没用，手机号也没换过，现在完全登不上去。',
        botFaq: '收不到验证码时，请先确认手机没有开启短信拦截，等待60秒后再重新获取；也可以尝试“本机号码一键登录”。',
        agentAsk: '麻烦提供一下绑定手机号的后四位，以及手机型号和运营商，我帮您查一下短信的发送记录。',
        customerInfo: '后四位是3827，华为Mate 60，移动的卡。',
        agentSolve: '查到是运营商那边拦截了我们的验证码短信，已经为您切换到备用短信通道，现在重新获取验证码应该一分钟内就能收到。',
        tags: ['login', 'sms-code'],
      },
      {
        subject: '账号被封禁，申请解封',
        problem: '我的账号突然被封了，提示“违反社区自律公约”，可是我一直正常发视频，没有发过任何违规内容，请帮我看看怎么回事。',
        botFaq: '账号被封禁后，可以在“设置-账号与安全-申诉”中提交申诉，审核结果会在3个工作日内通过站内信通知您。',
        agentAsk: '理解您的心情。请问最近一次登录的设备和地点是哪里？近期有没有使用第三方工具批量关注或点赞？',
        customerInfo: '就是我自己的手机，在杭州。没用过第三方工具，不过前几天借给朋友用过一次。',
        agentSolve: '核实后是系统误判为异常批量操作，已经为您提交解封，预计30分钟内生效。建议开启登录保护，避免再次出现这种情况。',
        tags: ['banned', 'appeal'],
      },
      {
        subject: '原手机号停用，想换绑新手机号',
        problem: '我以前绑定的手机号已经停用了，现在想换绑新号码，但是换绑要原号码的验证码，我收不到，怎么办？',
        botFaq: '原手机号无法接收验证码时，可以在“设置-账号与安全-手机号换绑”中选择“原手机号不可用”，通过人脸识别完成换绑。',
        agentAsk: '请问账号是否已经完成实名认证？麻烦告诉我新手机号的后四位，我帮您登记人工换绑。',
        customerInfo: '已经实名认证过了，新号码后四位是6612。人脸识别那一步一直提示“非本人操作”。',
        agentSolve: '已为您开通人工换绑通道，新手机号已经生效，原号码已解绑。下次登录请用新号码接收验证码。',
        tags: ['phone-change'],
      },
      {
        subject: '实名认证一直审核失败',
        problem: '我在做实名认证，身份证正反面都上传了，人脸识别也做了，可是一直提示“认证失败，请重试”，已经试了五六次了。',
        botFaq: '实名认证失败的常见原因：证件照片反光或模糊、光线不足、证件已过期。请在光线充足的地方重新拍摄后再试。',
        agentAsk: '请问您的身份证在有效期内吗？方便说一下最后一次失败的大概时间吗？我帮您查一下审核日志。',
        customerInfo: '身份证去年刚换的新证。最后一次是今天上午十点左右。',
        agentSolve: '查到是新证件信息还没有同步，已为您转为人工审核实名认证，预计24小时内完成，结果会通过站内信通知您。',
        tags: ['real-name', '实名认证'],
      },
      {
        subject: '账号疑似被盗，有陌生设备登录',
        problem: '今天收到提醒说我的账号在一台陌生设备上登录了，地点是广州，可我人在北京，而且私信里多了好多我没发过的消息。',
        botFaq: '如果怀疑账号被盗，请立即在“设置-账号与安全-登录设备管理”中移除陌生设备，并修改密码。',
        agentAsk: '我先帮您冻结账号，防止继续被操作。请问您最近有没有点过陌生链接，或者把验证码告诉过别人？',
        customerInfo: '好像前天点过一个说“领取粉丝福利”的链接，还输了验证码……',
        agentSolve: '已经强制下线所有陌生设备并重置了登录凭证，请用手机号重新登录并开启二次验证。那个链接是钓鱼网站，千万不要再输入验证码。',
        tags: ['account-security', 'hacked'],
      },
    ],
    video_upload: [
      {
        subject: '视频上传失败，一直提示网络错误',
        problem: '我的视频上传失败了，一直提示“网络错误，请稍后重试”，WiFi和4G都换过了还是不行，视频才3分钟。',
        botFaq: '上传失败时，建议切换到稳定的网络，关闭省电模式，并将App更新到最新版本后重新上传。',
        agentAsk: '麻烦告诉我一下App版本号和手机型号，以及视频的格式和大小，我帮您看一下上传日志。',
        customerInfo: 'App是最新的32.5.0，手机是小米14，视频是MOV格式，大概1.2G。',
        agentSolve: '查到是上传分片在服务器端校验失败，已经帮您清除了失败的上传任务。请在“草稿箱”里重新发布，这次可以正常上传了。',
        tags: ['upload-failed'],
      },
      {
        subject: '视频上传卡在99%不动',
        problem: '视频上传到99%就卡住了，等了半个多小时还是不动，已经重试三次了，明天还要参加活动，急死了！',
        botFaq: '上传卡在99%通常是视频正在转码，请保持App在前台等待几分钟；如果超过10分钟，可以在草稿箱中重新发布。',
        agentAsk: '非常抱歉耽误您的时间。请问是哪条视频？方便提供一下视频标题或者上传的大概时间吗？',
        customerInfo: '标题是“周末露营vlog”，晚上八点多开始传的。',
        agentSolve: '找到了，是转码服务排队导致卡在99%，我已经帮您手动重新提交转码，视频现在已经发布成功，您可以刷新看一下。',
        tags: ['upload-99', 'transcoding'],
      },
      {
        subject: '视频被审核下架，想申诉',
        problem: '我昨天发的视频被下架了，说是违反社区规范，可内容是我自己拍的美食教程，没有任何违规的地方，想申诉。',
        botFaq: '视频被下架后，可以在“创作者服务中心-作品申诉”中提交申诉，申诉结果会在48小时内通知您。',
        agentAsk: '您好，麻烦提供一下视频的链接或者作品ID，我帮您查看具体的审核原因。',
        customerInfo: '作品ID是7312098845，标题叫“五分钟学会做红烧肉”。',
        agentSolve: '复核后确认是画面中的刀具被误识别为危险物品，已经为您恢复视频，同时撤销了这次违规记录。',
        tags: ['review-removed', 'appeal'],
      },
      {
        subject: '视频收到版权投诉被限流',
        problem: '我的视频因为背景音乐收到版权投诉，现在播放量几乎为零，可音乐是直接从平台曲库里选的，为什么还会侵权？',
        botFaq: '如果视频使用的是平台曲库中的音乐，可以在“作品管理-版权申诉”中提交申诉，并附上使用的曲目名称。',
        agentAsk: '请问您用的是曲库里的哪首歌？视频发布后有没有在其他剪辑软件里重新剪辑过？',
        customerInfo: '是曲库里的《晴天》片段，我在别的软件里加了字幕再传上来的。',
        agentSolve: '原因是外部剪辑后音乐失去了曲库授权标记。已为您提交版权申诉并恢复推荐，以后建议直接在App内添加音乐。',
        tags: ['copyright'],
      },
      {
        subject: '上传后视频画质变得很模糊',
        problem: '我拍的是4K视频，上传之后画质变得特别模糊，和原片差距很大，是不是被压缩了？',
        botFaq: '请在“设置-通用设置”中打开“高清上传”，并确认上传时网络稳定，平台会根据网络情况自动调整画质。',
        agentAsk: '请问您上传时有没有打开“高清上传”开关？视频的帧率是多少？',
        customerInfo: '开关我没注意过，帧率是60帧的。',
        agentSolve: '已为您的账号开通高清上传权限，打开开关后重新上传即可保留高清画质，建议选择30帧或60帧的H.264编码。',
        tags: ['video-quality'],
      },
    ],
    payment: [
      {
        subject: '充值的金币没有到账',
        problem: '我用微信支付充值了600金币，钱已经扣了，可是账户里一直没到账，已经过去两个小时了。',
        botFaq: '充值一般会在几分钟内到账，如遇网络延迟可能稍有延后。请在“钱包-充值记录”中查看订单状态。',
        agentAsk: '麻烦提供一下微信支付的交易单号（在微信账单详情里可以找到），我帮您核实一下这笔订单。',
        customerInfo: '交易单号是4200001873202411245563。',
        agentSolve: '已核实这笔充值因为支付回调超时没有入账，已经为您手动补发600金币，请刷新钱包查看。',
        tags: ['top-up', 'not-arrived'],
      },
      {
        subject: '退款申请：孩子误充值',
        problem: '我想提交退款申请，孩子拿我的手机误充了328元，我完全不知道，这笔钱能退回来吗？',
        botFaq: '未成年人误充值可以在“钱包-帮助中心-未成年人退款”中提交退款申请，需要提供监护人身份证明和支付凭证。',
        agentAsk: '非常理解您的心情。请提供一下充值的时间和支付方式，以及孩子使用手机时的相关说明，我帮您加急处理退款申请。',
        customerInfo: '是前天晚上九点左右，用支付宝付的，孩子今年10岁，在玩手机的时候点的。',
        agentSolve: '您的退款申请已经审核通过，328元会在1到3个工作日内原路退回支付宝。建议开启青少年模式，防止再次误充值。',
        tags: ['refund', '退款'],
      },
      {
        subject: '同一笔订单被扣了两次钱',
        problem: '我昨天买会员，只点了一次支付，银行卡却扣了两次钱，每次25元，请帮我查一下。',
        botFaq: '如出现重复扣款，系统会在24小时内自动将多扣的款项原路退回，请留意银行通知。',
        agentAsk: '抱歉给您带来麻烦。请提供一下两笔扣款的银行流水截图或订单号，我帮您核对。',
        customerInfo: '订单号是 VIP20241123008812，两笔都是晚上7点05分扣的。',
        agentSolve: '核实确实重复扣款了，多扣的25元已经为您发起退款，会在3个工作日内退回到银行卡。',
        tags: ['double-charge', 'refund'],
      },
      {
        subject: '创作者收益提现一直没到账',
        problem: '我上周申请了创作者收益提现，显示“提现成功”，可银行卡一直没收到钱，金额是1860元。',
        botFaq: '创作者收益提现一般在1到3个工作日内到账，节假日会顺延。请确认绑定的银行卡信息是否正确。',
        agentAsk: '请问您绑定的是哪家银行的卡？提现申请的具体日期是哪天？我帮您查一下打款状态。',
        customerInfo: '是招商银行的卡，11月18号申请的。',
        agentSolve: '查到银行退票了，原因是银行卡户名和实名认证的姓名不一致。已经为您重新发起提现，请先在“钱包-银行卡”里核对户名。',
        tags: ['withdrawal', 'creator-earnings'],
      },
      {
        subject: '退款申请提交一周了还没处理',
        problem: '我上周提交的退款申请到现在还显示“处理中”，也没有人联系我，到底什么时候能退？',
        botFaq: '退款申请一般在7个工作日内处理完成，您可以在“我的-订单-退款进度”中查看最新状态。',
        agentAsk: '抱歉让您久等了。麻烦提供一下退款申请的订单号，我马上帮您催办。',
        customerInfo: '订单号是 RF20241115002231，退的是一个直播课程，199元。',
        agentSolve: '已经联系财务加急处理，您的退款已经审核通过，199元将在2个工作日内到账，到账后会有短信通知。',
        tags: ['refund', 'refund-progress'],
      },
    ],
    complaint: [
      {
        subject: '投诉：客服态度敷衍，只发模板回复',
        problem: '我要投诉！上次的客服只会发模板回复，我的问题根本没解决就把会话关掉了，这是什么服务态度？',
        botFaq: '非常抱歉给您带来不好的体验，您的投诉已经记录，正在为您转接人工客服专员。',
        agentAsk: '非常抱歉让您有这样的体验。麻烦说一下上次联系的大概时间和当时的问题，我会认真核实处理。',
        customerInfo: '上周三下午，问的是提现没到账，客服发了两句模板就结束了。',
        agentSolve: '已经核实情况，上次的处理确实不到位，向您诚恳道歉。提现问题我已经跟进解决，同时已将此次服务问题反馈给相关主管。',
        tags: ['complaint', 'service-attitude'],
      },
      {
        subject: '投诉：问题拖了两周还没解决',
        problem: '我反映的问题已经两个星期了，每次都说在处理，到现在还是没有结果，我要正式投诉。',
        botFaq: '您的投诉已记录，投诉会在7个工作日内给出处理结果，正在为您转接投诉专员。',
        agentAsk: '非常抱歉让您等了这么久。请提供一下之前的工单号，我来全程跟进直到解决。',
        customerInfo: '之前的会话号我不记得了，问题是视频被误判下架，申诉了两次都没有回复。',
        agentSolve: '已经找到您之前的申诉记录，视频已恢复，违规记录已撤销。后续由我作为专属客服跟进，有任何问题可以直接联系我。',
        tags: ['complaint', 'unsolved'],
      },
      {
        subject: '投诉：多次联系客服无人处理',
        problem: '我已经联系了五次客服，每次都要重新说一遍问题，根本没人真正处理，太让人失望了。',
        botFaq: '非常抱歉给您带来困扰，您的投诉已经记录，会有专人联系您并跟进到底。',
        agentAsk: '非常抱歉，让您反复说明问题确实是我们的失误。从现在开始由我专门负责，请再简单描述一下目前的情况。',
        customerInfo: '账号换绑手机号一直没成功，每次都让我等。',
        agentSolve: '已经为您完成手机号换绑，并在系统中把我设置为您的专属客服，之后再联系会直接分配给我。',
        tags: ['complaint', 'repeat-contact'],
      },
    ],
    other: [
      {
        subject: '怎么开通直播权限',
        problem: '我想开直播带货，但是直播入口是灰的，请问怎么开通直播权限？',
        botFaq: '开通直播需要完成实名认证并年满18周岁，部分功能还需要粉丝数达到要求，可在“创作者服务中心-开始直播”中查看。',
        agentAsk: '请问您的账号已经完成实名认证了吗？想开通的是普通直播还是带货直播？',
        customerInfo: '实名认证做过了，想开带货直播，粉丝有两千多。',
        agentSolve: '带货直播需要先开通商品橱窗，已经把开通入口和资质要求发到您的站内信，按步骤提交即可，审核通常1个工作日。',
        tags: ['live-streaming'],
      },
      {
        subject: '想注销账号',
        problem: '我不想用了，想把账号注销掉，请问怎么操作？注销后我的数据会删除吗？',
        botFaq: '可以在“设置-账号与安全-注销账号”中申请注销，注销后账号数据将在15天冷静期后永久删除。',
        agentAsk: '好的。请问方便说一下注销的原因吗？另外账号里还有未提现的收益或者未使用的金币吗？',
        customerInfo: '就是不常用了。金币还剩一点，没关系。',
        agentSolve: '已经为您说明了注销流程，15天冷静期内登录会自动取消注销。金币注销后无法找回，请您确认后再提交。',
        tags: ['account-deletion'],
      },
      {
        subject: '青少年模式密码忘了',
        problem: '青少年模式的密码忘记了，现在什么都看不了，怎么才能关掉？',
        botFaq: '忘记青少年模式密码时，可以在密码输入页点击“忘记密码”，通过申诉流程重置密码。',
        agentAsk: '请问账号是否实名认证过？重置需要验证监护人身份，麻烦准备好身份证。',
        customerInfo: '实名认证是我本人的，身份证在手边。',
        agentSolve: '已经为您发送了青少年模式密码重置链接，通过人脸验证后即可设置新密码。',
        tags: ['teen-mode'],
      },
      {
        subject: '有人冒充我的账号发视频',
        problem: '有一个账号用我的头像和名字，还搬运我的视频，粉丝都被误导了，怎么举报？',
        botFaq: '发现仿冒账号可以在对方主页点击“举报-冒充他人”，并上传您的身份证明材料。',
        agentAsk: '麻烦提供一下仿冒账号的账号ID或主页链接，以及您原创作品的链接，我帮您提交加急处理。',
        customerInfo: '对方账号是 xiaomingvlog_2024，我原来的视频基本都被他搬了。',
        agentSolve: '仿冒账号已被处理，搬运的视频已全部下架。如果再发现类似情况，可以直接用原创保护功能一键投诉。',
        tags: ['impersonation', 'report'],
      },
    ],
  },
  en: {
    account: [
      {
        subject: "Can't log in – verification code never arrives",
        problem: "I've been trying to log in for an hour but the SMS verification code never arrives. I tapped resend about ten times. Same phone number as always.",
        botFaq: 'If the code does not arrive, check that messages from short codes are not blocked, wait 60 seconds and request a new code. You can also log in with Google or Apple.',
        agentAsk: 'Could you share the last four digits of the phone number on the account and your mobile carrier? I will check the SMS delivery log.',
        customerInfo: "It ends in 4410, carrier is T-Mobile. I'm on an iPhone 15.",
        agentSolve: "Your carrier was filtering our messages. I've switched your account to our backup SMS route, so please request a new code now; it should arrive within a minute.",
        tags: ['login', 'sms-code'],
      },
      {
        subject: 'My account was banned by mistake',
        problem: 'My account got banned this morning for "violating community guidelines" but I only post cooking videos. This is my business account, please help.',
        botFaq: 'You can appeal a ban in Settings > Account > Appeal. Appeals are reviewed within 3 business days and you will get an inbox notification.',
        agentAsk: 'I am sorry about this. Have you used any third-party apps to grow followers or schedule posts recently? Which device did you last log in from?',
        customerInfo: 'I tried a scheduling app last week, that is all. I log in from my Pixel 8.',
        agentSolve: "The scheduling app triggered our automation detection. After review I've lifted the ban. Please revoke that app under Settings > Security > Connected apps.",
        tags: ['banned', 'appeal'],
      },
      {
        subject: 'Need to change the phone number on my account',
        problem: "I switched carriers and my old phone number is gone. How do I update the number on my account when I can't get codes on the old one?",
        botFaq: 'If your old number is unavailable, go to Settings > Account > Phone number and choose "I can\'t use my old number" to verify with a selfie.',
        agentAsk: 'Happy to help. Is your identity already verified on the account? If so, tell me the last four digits of the new number and I will open a manual change.',
        customerInfo: 'Yes, verified last year. The new number ends in 7731. The selfie check keeps saying "not a match".',
        agentSolve: 'Done: your new number is now linked and the old one removed. Use the new number the next time you log in.',
        tags: ['phone-change'],
      },
      {
        subject: 'Identity verification keeps failing',
        problem: 'I am trying to verify my identity so I can get payouts. I uploaded my passport twice and did the face scan, but it keeps saying "verification failed".',
        botFaq: 'Verification often fails because of glare, blur or an expired document. Please retake the photo in good light and try again.',
        agentAsk: 'Which country issued your passport, and roughly when did you last try? I will pull up the review log.',
        customerInfo: "It's a UK passport, I tried about 20 minutes ago.",
        agentSolve: "The automatic check couldn't read the passport's photo page. I've sent it to manual review; you'll get the result in your inbox within 24 hours.",
        tags: ['identity-verification'],
      },
      {
        subject: 'Someone else logged into my account',
        problem: 'I got an alert that my account was accessed from a device in another country, and there are DMs I never sent. I think I have been hacked.',
        botFaq: 'If you think your account was compromised, remove unknown devices in Settings > Security > Devices and change your password right away.',
        agentAsk: 'I have locked the account for now so nobody can use it. Did you click any unfamiliar link or share a verification code with anyone recently?',
        customerInfo: 'I clicked a "free followers" link two days ago and entered a code there...',
        agentSolve: 'I signed out every unknown device and reset your login credentials. Please log in with your phone number and turn on 2-step verification. That link was phishing, never enter codes there.',
        tags: ['account-security', 'hacked'],
      },
    ],
    video_upload: [
      {
        subject: 'Video upload failed with a network error',
        problem: 'My video upload failed again. It says "Network error, try again later" even though my Wi-Fi is fine. The video is only 3 minutes long.',
        botFaq: 'If an upload fails, switch to a stable network, turn off battery saver and update the app to the latest version, then try again.',
        agentAsk: 'Could you tell me your app version, phone model, and the format and size of the video? I will check the upload logs.',
        customerInfo: 'App version 32.5.0, Samsung S23, the video is an MP4 of about 900 MB.',
        agentSolve: "The upload chunks failed a server-side check. I've cleared the failed upload task; please publish again from Drafts and it should go through now.",
        tags: ['upload-failed'],
      },
      {
        subject: 'Upload stuck at 99%',
        problem: "My upload has been stuck at 99% for over half an hour. I've retried three times. I need this posted before a brand deadline tonight!",
        botFaq: 'An upload at 99% is usually still processing. Keep the app open for a few minutes; if it takes longer than 10 minutes, republish it from Drafts.',
        agentAsk: 'Sorry for the trouble. Which video is it? The title or the approximate upload time would help me find it.',
        customerInfo: 'The title is "Weekend camping vlog", I started uploading around 8 pm.',
        agentSolve: "Found it: the transcoding queue was backed up, which is why it sat at 99%. I've resubmitted it manually and the video is now published. Please refresh.",
        tags: ['upload-99', 'transcoding'],
      },
      {
        subject: 'Video removed by review, want to appeal',
        problem: 'My video was taken down yesterday for "violating community guidelines". It is a cooking tutorial I filmed myself, nothing against the rules. I want to appeal.',
        botFaq: 'You can appeal a removed video in Creator Center > Appeals. You will hear back within 48 hours.',
        agentAsk: 'Could you send me the link or the video ID so I can see the exact review reason?',
        customerInfo: 'Video ID is 7312098845, title "Beef stew in 5 minutes".',
        agentSolve: 'On second review the kitchen knife was wrongly flagged as a dangerous item. The video is restored and the strike has been removed.',
        tags: ['review-removed', 'appeal'],
      },
      {
        subject: 'Copyright claim on my video',
        problem: "I got a copyright claim on my video because of the background music, and now it gets almost no views. I picked the song from the app's own music library!",
        botFaq: 'If you used music from our library, you can dispute the claim in Posts > Copyright and include the track name.',
        agentAsk: 'Which track from the library did you use? Did you edit the video in another app after adding the music?',
        customerInfo: 'It was a clip of "Sunny Day" from the library. I added captions in another editor before uploading.',
        agentSolve: "Editing outside the app removed the library license tag from the audio. I've filed the copyright dispute and restored distribution. Next time, add the music inside the app.",
        tags: ['copyright'],
      },
      {
        subject: 'Video quality drops after upload',
        problem: 'I filmed in 4K but after uploading the video looks really blurry compared to the original. Is it being compressed?',
        botFaq: 'Turn on "Upload HD" in Settings > General and make sure your connection is stable; quality is adjusted to your network.',
        agentAsk: 'Did you have the "Upload HD" switch turned on, and what frame rate is the video?',
        customerInfo: 'I never noticed that switch. It is 60 fps.',
        agentSolve: 'I enabled HD uploads on your account. Turn the switch on and upload again; H.264 at 30 or 60 fps keeps the best quality.',
        tags: ['video-quality'],
      },
    ],
    payment: [
      {
        subject: 'Coin top-up not received',
        problem: 'I bought 600 coins with my credit card, the money was taken but the coins never showed up in my wallet. It has been two hours.',
        botFaq: 'Top-ups usually arrive within a few minutes. Check the order status in Wallet > Top-up history.',
        agentAsk: 'Could you send me the order number from Wallet > Top-up history? I will verify the payment.',
        customerInfo: 'Order number is TP20241124889021.',
        agentSolve: "The payment callback timed out so the coins were never credited. I've added the 600 coins manually; please refresh your wallet.",
        tags: ['top-up', 'not-arrived'],
      },
      {
        subject: 'Refund request for an accidental purchase',
        problem: 'I want to submit a refund request. My son bought $49.99 of coins on my phone without asking me. Can I get that money back?',
        botFaq: 'Purchases made by minors can be refunded. Submit a refund request in Wallet > Help > Refunds with the payment receipt.',
        agentAsk: 'I completely understand. Please tell me the date of the purchase and the payment method, and I will fast-track your refund request.',
        customerInfo: 'It was on Friday evening, paid with Apple Pay. He is 9.',
        agentSolve: 'Your refund request is approved. $49.99 goes back to the original payment method within 3–5 business days. I also recommend turning on Family Pairing.',
        tags: ['refund'],
      },
      {
        subject: 'Charged twice for one order',
        problem: 'I bought a membership yesterday and tapped pay only once, but my bank shows two charges of $4.99. Please check.',
        botFaq: 'Duplicate charges are normally reversed automatically within 24 hours. Please watch for a notification from your bank.',
        agentAsk: 'Sorry about that. Could you send me the order number or a screenshot of both charges?',
        customerInfo: 'Order VIP20241123008812, both charges at 7:05 pm.',
        agentSolve: "Confirmed, you were charged twice. I've refunded the extra $4.99; it will be back on your card within 3 business days.",
        tags: ['double-charge', 'refund'],
      },
      {
        subject: 'Creator earnings withdrawal not received',
        problem: 'I withdrew my creator earnings last week and it says "Withdrawal successful", but the money never reached my bank account. It is $312.',
        botFaq: 'Withdrawals of creator earnings usually arrive within 1–3 business days. Please make sure your bank details are correct.',
        agentAsk: 'Which bank is linked, and on what date did you request the withdrawal? I will check the transfer status.',
        customerInfo: 'Chase, I requested it on November 18.',
        agentSolve: "The bank returned the transfer because the account holder name didn't match your verified name. I've reissued the withdrawal; please check the name in Wallet > Bank account first.",
        tags: ['withdrawal', 'creator-earnings'],
      },
      {
        subject: 'Subscription renewed without my consent',
        problem: 'I cancelled my subscription last month but I was charged again today. I want a refund.',
        botFaq: 'You can manage subscriptions in Wallet > Subscriptions. Charges made after cancellation are refunded on request.',
        agentAsk: 'Sorry for the trouble. Which store did you subscribe through (App Store or Google Play), and do you have the cancellation confirmation?',
        customerInfo: 'Google Play. I have the cancellation email from October 28.',
        agentSolve: "The cancellation didn't reach us because of a sync error. I've refunded today's charge and confirmed the subscription is cancelled.",
        tags: ['subscription', 'refund'],
      },
    ],
    complaint: [
      {
        subject: 'Complaint about the agent who handled my case',
        problem: 'I want to file a complaint. The last agent just pasted template answers and closed the chat without solving anything.',
        botFaq: 'We are sorry about your experience. Your complaint has been recorded and we are connecting you to a complaints specialist.',
        agentAsk: 'I am really sorry. Could you tell me roughly when you contacted us and what the issue was? I will look into it personally.',
        customerInfo: 'Last Wednesday afternoon, about my withdrawal not arriving. Two canned lines and the chat was closed.',
        agentSolve: 'I checked, and the last reply was not good enough; I apologize. Your withdrawal is now sorted, and I have passed the feedback to the team lead.',
        tags: ['complaint', 'service-attitude'],
      },
      {
        subject: 'Complaint: issue still unsolved after two weeks',
        problem: 'I reported this two weeks ago and every time I am told it is being handled. Still nothing. I am filing a formal complaint.',
        botFaq: 'Your complaint has been recorded. Complaints get a result within 7 working days. Connecting you to a complaints specialist now.',
        agentAsk: 'I am very sorry you have waited this long. Do you have the earlier conversation number? I will follow this through to the end.',
        customerInfo: "I don't have the number. My video was removed by mistake and my two appeals got no answer.",
        agentSolve: "I found your appeals: the video is restored and the strike removed. I'm now your dedicated agent, so contact me directly if anything else comes up.",
        tags: ['complaint', 'unsolved'],
      },
      {
        subject: 'Complaint: contacted support five times, nobody helps',
        problem: 'This is my fifth time contacting support. Every time I have to explain everything again and nobody actually fixes it.',
        botFaq: 'We are sorry for the trouble. Your complaint has been recorded and a specialist will follow it through.',
        agentAsk: 'I am sorry you had to repeat yourself; that is on us. From now on I will own this case. Could you briefly describe where things stand?',
        customerInfo: 'I still cannot change the phone number on my account. I am always told to wait.',
        agentSolve: "The phone number change is done, and I've set myself as your dedicated agent so future contacts come straight to me.",
        tags: ['complaint', 'repeat-contact'],
      },
    ],
    other: [
      {
        subject: 'How do I get live streaming access?',
        problem: 'I want to go live and sell products, but the LIVE button is greyed out. How do I get access?',
        botFaq: 'Going LIVE requires identity verification and being 18 or older; some features need a minimum follower count. See Creator Center > Go LIVE.',
        agentAsk: 'Is your identity verified already? And are you looking for regular LIVE or LIVE shopping?',
        customerInfo: 'Verified, yes. I want LIVE shopping, I have about 2,300 followers.',
        agentSolve: 'LIVE shopping needs a product showcase first. I have sent the steps and requirements to your inbox; review usually takes one business day.',
        tags: ['live-streaming'],
      },
      {
        subject: 'How do I delete my account?',
        problem: 'I do not use the app anymore and want to delete my account. Will all my data be removed?',
        botFaq: 'You can request deletion in Settings > Account > Delete account. Data is permanently deleted after a 30-day grace period.',
        agentAsk: 'Sure. May I ask why you are leaving? Do you have any unused coins or earnings that have not been withdrawn?',
        customerInfo: 'Just not using it. A few coins left, that is fine.',
        agentSolve: 'I have explained the deletion steps. Logging in during the 30 days cancels the deletion, and coins cannot be recovered afterwards.',
        tags: ['account-deletion'],
      },
      {
        subject: 'Forgot my teen mode passcode',
        problem: 'I forgot the passcode for teen mode and now I cannot watch anything. How do I turn it off?',
        botFaq: 'If you forgot the teen mode passcode, tap "Forgot passcode" on the passcode screen to reset it.',
        agentAsk: 'Is the account verified with your ID? Resetting requires a guardian identity check.',
        customerInfo: 'Yes, it is verified with my own ID.',
        agentSolve: 'I have sent you a passcode reset link; after the face check you can set a new passcode.',
        tags: ['teen-mode'],
      },
      {
        subject: 'Someone is impersonating my account',
        problem: 'An account is using my photo and name and reposting my videos. My followers are confused. How do I report it?',
        botFaq: 'To report impersonation, open the profile, tap Report > Pretending to be someone, and upload proof of identity.',
        agentAsk: 'Please send me the username of the impersonating account and links to a couple of your original videos.',
        customerInfo: 'The account is @emily.cooks.real and almost all my videos are on it.',
        agentSolve: 'The impersonating account has been removed and the reposted videos taken down. Use Originality Protection to report copies in one tap next time.',
        tags: ['impersonation', 'report'],
      },
    ],
  },
};

/** Complaints escalated as severe: money lost, repeated failures, threats to go to regulators or press. */
export const SEVERE_COMPLAINTS: Record<Locale, IssueTemplate[]> = {
  'zh-CN': [
    {
      subject: '严重投诉：账号被盗后钱包余额被转走，客服一直没处理',
      problem: '我的账号被盗了，钱包里的2000多元收益被人提现走了！联系客服三次都说在处理，再不解决我就去12315投诉！',
      botFaq: '非常抱歉，您的问题已标记为紧急投诉，正在为您转接投诉主管。',
      agentAsk: '我是投诉处理主管，非常抱歉给您造成损失。我已经冻结了相关提现，请提供一下被盗的大概时间和异常提现的金额。',
      customerInfo: '大概是11月20号晚上，一共被提走了2180元。',
      agentSolve: '已经核实是盗号后的异常提现，2180元已经全额追回并退回到您的钱包，账号已重置安全设置。对于之前处理不及时，再次向您道歉。',
      tags: ['complaint', 'account-security'],
    },
    {
      subject: '严重投诉：直播收益被无故扣除',
      problem: '我的直播收益被扣了一大半，没有任何通知和解释，我是靠这个吃饭的，已经申诉两次了都没用，要求给个说法！',
      botFaq: '您的投诉已标记为紧急，正在为您转接投诉主管。',
      agentAsk: '非常抱歉。我来负责您的投诉，麻烦提供一下被扣除收益的日期和金额，我马上核查。',
      customerInfo: '11月15号那场直播，收益少了3400元，系统说“疑似刷量”。',
      agentSolve: '复核后确认是风控误判，3400元收益已经全部恢复，误判记录已撤销，并为您的账号加入了人工复核名单。',
      tags: ['complaint', 'creator-earnings'],
    },
    {
      subject: '严重投诉：视频上传问题反复出现，耽误商业合作',
      problem: '我的视频上传失败已经是这周第三次了，每次都说修好了，结果今天品牌方的推广视频又卡在99%，合作违约了谁负责？我要求马上处理并给个说法！',
      botFaq: '非常抱歉，您的问题已标记为紧急投诉，正在为您转接投诉主管。',
      agentAsk: '我是投诉处理主管，非常抱歉反复影响到您的合作。我已经调取了您这周的上传记录，请问品牌方要求的发布时间是几点？',
      customerInfo: '今天晚上八点之前必须发出去，现在已经六点了。',
      agentSolve: '已由技术组为您的账号开通专用上传通道，推广视频已在七点前发布成功。之前几次的问题根因已定位并修复，我会继续跟进一周，确保不再出现。',
      tags: ['complaint', 'upload-99', 'unsolved'],
    },
  ],
  en: [
    {
      subject: 'Formal complaint: money stolen after account hack, no response',
      problem: 'My account was hacked and $450 of earnings were withdrawn by someone else. I have contacted you three times with no real answer. If this is not fixed I will go to my bank and the press.',
      botFaq: 'We are very sorry. Your case is marked as an urgent complaint and we are connecting you to a supervisor.',
      agentAsk: 'I am the complaints lead and I am very sorry for your loss. I have frozen the withdrawals. When did you first notice, and how much was taken?',
      customerInfo: 'On November 20 in the evening. $450 in total.',
      agentSolve: 'We confirmed the fraudulent withdrawal; the full $450 has been recovered and returned to your wallet and your security settings are reset. I apologize again for the slow handling.',
      tags: ['complaint', 'account-security'],
    },
    {
      subject: 'Severe complaint: LIVE earnings deducted without explanation',
      problem: 'More than half of my LIVE earnings were deducted without any notice. This is my income. Two appeals, no answer. I demand an explanation.',
      botFaq: 'Your complaint is marked as urgent and we are connecting you to a supervisor.',
      agentAsk: 'I am sorry. I will handle your complaint personally. Which LIVE session was it, and how much was deducted?',
      customerInfo: 'The session on November 15, about $520 missing, the reason says "suspected fake traffic".',
      agentSolve: 'On review this was a false positive by our risk system. The $520 is restored, the flag is removed, and your account is on the manual review list.',
      tags: ['complaint', 'creator-earnings'],
    },
    {
      subject: 'Severe complaint: uploads keep failing, brand deal at risk',
      problem: 'This is the third time this week my upload has failed. Every time I am told it is fixed, and today my sponsored video is stuck at 99% again. If I miss the brand deadline, who pays for it? I need this handled now.',
      botFaq: 'Your complaint is marked as urgent and we are connecting you to a supervisor.',
      agentAsk: 'I am the complaints lead, and I am sorry this keeps hurting your work. I have pulled your upload history for the week. When does the brand need the video live?',
      customerInfo: 'By 8 pm tonight. It is 6 pm now.',
      agentSolve: 'Engineering opened a dedicated upload path for your account and the sponsored video went live before 7 pm. The root cause of the earlier failures is fixed, and I will keep following up for a week.',
      tags: ['complaint', 'upload-99', 'unsolved'],
    },
  ],
};

// ---------------------------------------------------------------------------------------------------
// Generic conversation lines
// ---------------------------------------------------------------------------------------------------

export interface GenericLines {
  botGreet: string[];
  /** The customer asks the bot for a human. */
  askHuman: string[];
  /** The customer answers the bot while still with the bot. */
  customerToBot: string[];
  /** Further bot replies while the customer stays with the bot. */
  botFollow: string[];
  /** The bot while the customer waits in the queue. */
  botWait: string[];
  /** The customer while waiting in the queue. */
  nudge: string[];
  system: string;
  /** Prefix of the agent's first message; `%s` is the agent's name. */
  agentIntro: string;
  agentProgress: string[];
  /** The agent's last message when waiting for the customer. */
  agentPendingAsk: string[];
  customerFollow: string[];
  customerThanks: string[];
  /** Sentences used to pad bodies to benchmark length. */
  filler: { customer: string[]; agent: string[]; bot: string[] };
}

export const GENERIC: Record<Locale, GenericLines> = {
  'zh-CN': {
    botGreet: [
      '您好，我是智能客服小助手，请问遇到了什么问题？可以选择：账号、视频上传、支付、投诉、其他。',
      '您好，欢迎咨询！请简单描述一下您遇到的问题，我会尽力帮您解决。',
      '您好，我是智能客服，24小时在线。请问有什么可以帮您？',
    ],
    askHuman: ['试过了，还是不行，转人工客服。', '没用，我要找人工客服。', '这个我早就试过了，请帮我转人工。', '人工客服！'],
    customerToBot: ['试过了，还是不行。', '我已经按你说的做了，没有用。', '能说得具体一点吗？', '还有别的办法吗？'],
    botFollow: [
      '抱歉没能帮到您，您可以尝试重启App后再操作一次。如需人工服务，请回复“转人工”。',
      '为您找到以下相关帮助文章，请点击查看。如果问题仍未解决，可以回复“人工”。',
      '正在为您查询，请稍候……',
    ],
    botWait: [
      '当前咨询人数较多，您前面还有若干位用户，请耐心等待，客服会尽快为您服务。',
      '已为您排队，人工客服接入后会第一时间回复您。',
    ],
    nudge: ['还有人吗？', '等了好久了，能快点吗？', '请问什么时候有人处理？', '我还在等，麻烦尽快回复。'],
    system: '转交人工客服',
    agentIntro: '您好，我是客服%s，很高兴为您服务。',
    agentProgress: [
      '已经帮您提交给技术同事排查，有结果会第一时间告诉您。',
      '收到，我这边正在核实，请稍等几分钟。',
      '感谢您的耐心，问题已经在加急处理中。',
      '我已经记录下来了，稍后会再跟您确认一下结果。',
    ],
    agentPendingAsk: [
      '麻烦您重新操作一次，把提示的截图发给我，我好进一步确认。',
      '请您方便的时候回复一下结果，我会一直跟进这个问题。',
      '需要您提供一下相关的订单截图，收到后我马上处理。',
    ],
    customerFollow: ['好的，我等你消息。', '还需要我提供什么吗？', '大概要多久？', '好的，麻烦你了。'],
    customerThanks: ['好了，已经可以了，谢谢！', '解决了，非常感谢！', '收到了，谢谢你这么耐心。', '好的，谢谢客服。'],
    filler: {
      customer: [
        '这个问题已经影响到我正常使用了。',
        '我之前也遇到过类似的情况，当时重启一下就好了，但这次怎么都不行。',
        '麻烦你们尽快帮我处理一下，我真的很着急。',
        '我把能试的办法都试过了，清缓存、重装App、换网络都没有用。',
        '我的粉丝一直在问，再拖下去影响很大。',
        '之前客服说会有人联系我，但一直没有消息。',
        '如果需要截图或者订单信息，我都可以马上发给你们。',
        '希望这次能彻底解决，不要再出现同样的问题了。',
      ],
      agent: [
        '非常理解您的心情，我会全程跟进这个问题。',
        '为了更快帮您处理，我已经把情况同步给了相关的同事。',
        '如果后续还有任何疑问，可以随时在这个会话里联系我。',
        '处理过程中如果需要您配合提供信息，我会第一时间告诉您。',
        '这个问题我会作为您的专属客服一直跟进到解决为止。',
        '目前系统里能看到您的相关记录，我正在逐条核实。',
        '给您带来的不便我们深表歉意。',
        '再次感谢您的耐心等待，祝您使用愉快。',
      ],
      bot: [
        '您也可以在“我-设置-帮助与客服”中查看常见问题。',
        '智能客服24小时在线，随时为您解答账号、视频上传和支付相关的问题。',
        '常见问题包括登录、换绑手机号、实名认证、上传失败、充值和退款申请等。',
        '为保障账号安全，请不要向任何人透露验证码和支付密码。',
        '夜间咨询同样可以留言，人工客服上线后会按顺序依次处理。',
        '处理进度可以在“我-设置-帮助与客服-我的反馈”中随时查看。',
        '如需人工服务，请回复“转人工”，我们会尽快为您安排客服。',
      ],
    },
  },
  en: {
    botGreet: [
      "Hi! I'm the support assistant. What can I help you with? Choose: Account, Video upload, Payment, Complaint, Other.",
      'Hello and welcome to support! Please describe your problem briefly and I will do my best to help.',
      'Hi there, I am available 24/7. What seems to be the problem?',
    ],
    askHuman: ["That didn't help. Can I talk to a human?", 'I already tried that. Human agent please.', 'Agent, please.', 'This is not working, I need a real person.'],
    customerToBot: ['I tried that, still not working.', 'Done that already, no luck.', 'Can you be more specific?', 'Is there anything else I can try?'],
    botFollow: [
      'Sorry that did not help. Try restarting the app and doing it again. Reply "agent" to talk to a person.',
      'Here are some help articles that may answer your question. If not, reply "agent".',
      'Let me look into that for you, one moment...',
    ],
    botWait: [
      'All our agents are busy right now. You are in the queue and an agent will be with you shortly.',
      'You are in line for a human agent. We will reply here as soon as one is available.',
    ],
    nudge: ['Hello? Anyone there?', 'I have been waiting a long time.', 'When will someone look at this?', 'Still waiting, please hurry.'],
    system: 'Handed over to a human agent',
    agentIntro: 'Hi, this is %s from support, thanks for waiting. ',
    agentProgress: [
      'I have passed this to our technical team and will update you as soon as I hear back.',
      'Got it, I am checking this now. Give me a few minutes.',
      'Thanks for your patience, this is being handled with priority.',
      'I have noted everything and will confirm the result with you shortly.',
    ],
    agentPendingAsk: [
      'Could you try once more and send me a screenshot of the message you see?',
      'Please let me know the result when you get a chance; I will keep following up.',
      'I need a screenshot of the order to continue. I will handle it as soon as I get it.',
    ],
    customerFollow: ['OK, I will wait for your update.', 'Do you need anything else from me?', 'How long will it take?', 'Thanks, appreciate it.'],
    customerThanks: ['It works now, thank you!', 'All sorted, thanks a lot!', 'Got it, thanks for being so patient.', 'Great, thank you.'],
    filler: {
      customer: [
        'This is really getting in the way of using the app normally.',
        'I had something similar before and restarting fixed it, but not this time.',
        'Please sort this out as soon as you can, it is urgent for me.',
        'I have tried everything I can think of: clearing the cache, reinstalling, switching networks.',
        'I hope this gets fixed for good this time.',
      ],
      agent: [
        'I completely understand, and I will stay on this until it is solved.',
        'To speed things up I have shared the details with the team responsible.',
        'If you have any other questions, just reply in this conversation.',
        'If I need anything else from you along the way, I will let you know right away.',
        'Thanks again for your patience, and have a great day.',
      ],
      bot: [
        'You can also browse common questions under Profile > Settings > Help.',
        'The assistant is available 24/7 for account, video upload and payment questions.',
        'For your safety, never share verification codes or payment passwords with anyone.',
        'You can follow the progress of your request under Profile > Settings > Help > My feedback.',
        'Reply "agent" at any time and we will connect you to a person.',
      ],
    },
  },
};

/** Internal agent notes (never shown to the customer), per category. */
export const NOTES: Record<Locale, Record<Category, string[]>> = {
  'zh-CN': {
    account: ['内部备注：已核对登录日志，异常登录IP来自境外，建议安全组复核。', '内部备注：用户已实名，可走人工换绑流程。'],
    video_upload: ['内部备注：已查上传日志，转码服务报错，已提单给技术组。', '内部备注：已调取上传日志，等技术组回复后再同步用户。'],
    payment: ['内部备注：已在后台核实订单号，等待财务回复退款结果。', '内部备注：支付回调超时，已申请手动补单。'],
    complaint: ['内部备注：已通知组长，需在7个工作日内给出结果。', '内部备注：用户情绪激动，回复注意措辞，避免模板话术。'],
    other: ['内部备注：已把操作指引发到站内信。', '内部备注：需要用户提供身份证明后才能继续。'],
  },
  en: {
    account: ['Internal note: login log shows a foreign IP, asked the security team to review.', 'Internal note: identity verified, OK to do a manual phone change.'],
    video_upload: ['Internal note: transcoding service error in upload log, ticket filed with engineering.', 'Internal note: pulled the upload logs, will update the customer once engineering replies.'],
    payment: ['Internal note: order verified in the admin console, waiting for finance on the refund.', 'Internal note: payment callback timed out, manual credit requested.'],
    complaint: ['Internal note: lead informed, result due within 7 working days.', 'Internal note: customer is upset, avoid canned wording.'],
    other: ['Internal note: instructions sent to the inbox.', 'Internal note: need proof of identity before going further.'],
  },
};

export const FOLLOW_UP_SUBJECT: Record<Locale, string> = { 'zh-CN': '再次反馈：', en: 'Follow-up: ' };

// ---------------------------------------------------------------------------------------------------
// Ratings and reminders
// ---------------------------------------------------------------------------------------------------

/** Rating comments by score (index 0 = score 1). */
export const RATING_COMMENTS: Record<Locale, string[][]> = {
  'zh-CN': [
    ['一直发模板回复，根本没解决问题。', '等了一整天才有人理，太慢了。'],
    ['问题是解决了，但过程太折腾。', '回复很慢，需要改进。'],
    ['还行，问题解决了一半。', '一般吧，等的时间有点长。'],
    ['解决了，就是等得有点久。', '客服挺耐心的，谢谢。'],
    ['客服很耐心，问题很快就解决了，点赞！', '非常专业，一次就帮我搞定了，感谢！', '态度特别好，还主动回访，五星好评。'],
  ],
  en: [
    ['Copy-paste answers, problem not solved.', 'Waited a whole day for a reply.'],
    ['Solved in the end, but it took far too long.', 'Slow replies, needs improvement.'],
    ['OK, half of my problem is fixed.', 'Average, the wait was long.'],
    ['Sorted, just a bit of a wait.', 'Patient and friendly, thanks.'],
    ['Super helpful and fast, thank you!', 'Fixed on the first try, great service.', 'Really kind agent, even followed up. Five stars.'],
  ],
};

export const REMINDER_NOTES: string[] = [
  '跟进提现到账情况，如仍未到账联系财务。',
  'Check whether the re-upload went through; close if it did.',
  '回访用户，确认视频已经恢复并正常推荐。',
];

// ---------------------------------------------------------------------------------------------------
// Canned replies and training assignments
// ---------------------------------------------------------------------------------------------------

export interface CannedSeed {
  title: string;
  body: string;
  category: Category | null;
  locale: Locale;
  shortcut: string;
  scope: 'personal' | 'team' | 'everyone';
}

export const CANNED: CannedSeed[] = [
  // zh-CN
  { locale: 'zh-CN', scope: 'everyone', category: null, shortcut: 'nihao', title: '问候',
    body: '{{customer.name}}您好，我是客服{{agent.name}}，很高兴为您服务，请问有什么可以帮您？' },
  { locale: 'zh-CN', scope: 'everyone', category: null, shortcut: 'zaijian', title: '结束语',
    body: '感谢您的耐心，{{customer.name}}。如果还有其他问题，随时在这里联系我，祝您生活愉快！' },
  { locale: 'zh-CN', scope: 'team', category: 'payment', shortcut: 'tuikuan', title: '退款申请已受理',
    body: '{{customer.name}}您好，您的退款申请（会话号 {{conversation.id}}）已受理，我们会在 {{conversation.due}} 前给您答复，退款将原路退回。' },
  { locale: 'zh-CN', scope: 'team', category: 'payment', shortcut: 'chongzhi', title: '充值未到账',
    body: '{{customer.name}}您好，充值未到账的情况我已记录。麻烦提供一下支付凭证中的交易单号，核实后会为您补发到账。' },
  { locale: 'zh-CN', scope: 'team', category: 'payment', shortcut: 'chongfu', title: '重复扣款',
    body: '非常抱歉出现重复扣款，{{customer.name}}。多扣的款项会在3个工作日内原路退回，如有问题请随时联系我（{{agent.name}}）。' },
  { locale: 'zh-CN', scope: 'everyone', category: 'payment', shortcut: 'tixian', title: '收益提现说明',
    body: '{{customer.name}}您好，创作者收益提现一般在1到3个工作日内到账，节假日顺延。请确认银行卡户名与实名认证姓名一致。' },
  { locale: 'zh-CN', scope: 'team', category: 'video_upload', shortcut: 'upload99', title: '上传卡在99%',
    body: '{{customer.name}}您好，上传卡在99%通常是视频正在转码。请保持App在前台等待几分钟；如果超过10分钟，请在草稿箱中重新发布，我也会在后台帮您查看。' },
  { locale: 'zh-CN', scope: 'everyone', category: 'video_upload', shortcut: 'shangchuan', title: '上传失败排查',
    body: '视频上传失败时，请先：1. 切换到稳定网络；2. 关闭省电模式；3. 更新App到最新版本；4. 确认视频小于4G。仍不行请告诉我App版本和手机型号。' },
  { locale: 'zh-CN', scope: 'team', category: 'video_upload', shortcut: 'xiajia', title: '审核下架申诉',
    body: '{{customer.name}}您好，视频下架的申诉已为您提交（会话号 {{conversation.id}}），复核结果会在48小时内通知您。' },
  { locale: 'zh-CN', scope: 'team', category: 'video_upload', shortcut: 'banquan', title: '版权投诉说明',
    body: '如果使用的是平台曲库中的音乐，请不要在外部软件二次剪辑后再上传，否则会丢失授权标记。您的版权申诉我已经提交。' },
  { locale: 'zh-CN', scope: 'team', category: 'account', shortcut: 'fengjin', title: '账号封禁申诉',
    body: '{{customer.name}}您好，您的账号封禁申诉已提交复核，结果会在3个工作日内通过站内信通知。复核期间请不要重复提交。' },
  { locale: 'zh-CN', scope: 'everyone', category: 'account', shortcut: 'huanbang', title: '换绑手机号',
    body: '原手机号不可用时，请在“设置-账号与安全-手机号换绑”中选择“原手机号不可用”，通过人脸识别完成换绑。' },
  { locale: 'zh-CN', scope: 'team', category: 'account', shortcut: 'shiming', title: '实名认证失败',
    body: '{{customer.name}}您好，实名认证失败多为照片反光或模糊。请在光线充足处重拍；如仍失败，我可以为您转人工审核。' },
  { locale: 'zh-CN', scope: 'team', category: 'complaint', shortcut: 'tousu', title: '投诉已受理',
    body: '{{customer.name}}您好，非常抱歉给您带来不好的体验。您的投诉已受理，我们会在 {{conversation.due}} 前给您处理结果，由我（{{agent.name}}）全程跟进。' },
  { locale: 'zh-CN', scope: 'everyone', category: 'other', shortcut: 'zhibo', title: '直播权限',
    body: '开通直播需要完成实名认证并年满18周岁；带货直播还需要先开通商品橱窗。' },
  { locale: 'zh-CN', scope: 'personal', category: null, shortcut: 'genjin', title: '稍后跟进',
    body: '{{customer.first_name}}，您的问题我已经记下了，明天上午我会主动联系您同步进展，会话号 {{conversation.id}}。' },
  { locale: 'zh-CN', scope: 'personal', category: 'video_upload', shortcut: 'jishu', title: '已转技术排查',
    body: '已经把您的情况提交给技术同事排查，我是{{agent.name}}，有结果会第一时间在这里回复您。' },
  // en
  { locale: 'en', scope: 'everyone', category: null, shortcut: 'hi', title: 'Greeting',
    body: 'Hi {{customer.first_name}}, this is {{agent.name}} from support. How can I help you today?' },
  { locale: 'en', scope: 'everyone', category: null, shortcut: 'bye', title: 'Closing',
    body: 'Thanks for your patience, {{customer.first_name}}. If anything else comes up, just reply here. Have a great day!' },
  { locale: 'en', scope: 'team', category: 'payment', shortcut: 'refund', title: 'Refund request received',
    body: 'Hi {{customer.name}}, your refund request ({{conversation.id}}) has been received. You will hear from us before {{conversation.due}}; refunds go back to the original payment method.' },
  { locale: 'en', scope: 'team', category: 'payment', shortcut: 'topup', title: 'Top-up not received',
    body: 'Sorry your coins have not arrived, {{customer.first_name}}. Please send me the order number from Wallet > Top-up history and I will credit them once verified.' },
  { locale: 'en', scope: 'team', category: 'payment', shortcut: 'double', title: 'Double charge',
    body: 'Sorry about the duplicate charge, {{customer.first_name}}. The extra amount will be refunded within 3 business days. I am {{agent.name}}, reply here if it does not arrive.' },
  { locale: 'en', scope: 'everyone', category: 'payment', shortcut: 'withdraw', title: 'Earnings withdrawal',
    body: 'Creator earnings withdrawals usually arrive within 1–3 business days. Please make sure the bank account holder name matches your verified name.' },
  { locale: 'en', scope: 'team', category: 'video_upload', shortcut: 'stuck99', title: 'Upload stuck at 99%',
    body: 'Hi {{customer.first_name}}, an upload at 99% is usually still processing. Keep the app open for a few minutes; if it takes longer than 10 minutes, republish from Drafts and I will check on our side.' },
  { locale: 'en', scope: 'everyone', category: 'video_upload', shortcut: 'uploadfail', title: 'Upload failed checklist',
    body: 'If an upload fails: 1) switch to a stable network, 2) turn off battery saver, 3) update the app, 4) keep the file under 4 GB. Still failing? Tell me your app version and phone model.' },
  { locale: 'en', scope: 'team', category: 'video_upload', shortcut: 'removed', title: 'Video removed by review',
    body: 'Hi {{customer.name}}, I have submitted your appeal for the removed video ({{conversation.id}}). You will get the result within 48 hours.' },
  { locale: 'en', scope: 'team', category: 'video_upload', shortcut: 'copyright', title: 'Copyright claim',
    body: 'Music from our library keeps its license only when added in the app; editing elsewhere removes the tag. I have filed the copyright dispute for you.' },
  { locale: 'en', scope: 'team', category: 'account', shortcut: 'banned', title: 'Banned account appeal',
    body: 'Hi {{customer.first_name}}, your ban appeal is under review and you will be notified in your inbox within 3 business days. Please do not submit it again meanwhile.' },
  { locale: 'en', scope: 'everyone', category: 'account', shortcut: 'login', title: 'Login code not arriving',
    body: 'If the login code does not arrive, check that short-code SMS is not blocked, wait 60 seconds and request a new one. You can also log in with Google or Apple.' },
  { locale: 'en', scope: 'team', category: 'complaint', shortcut: 'complaint', title: 'Complaint acknowledged',
    body: 'Hi {{customer.name}}, I am sorry for your experience. Your complaint is registered and you will have a result before {{conversation.due}}. I, {{agent.name}}, will follow it through.' },
  { locale: 'en', scope: 'personal', category: null, shortcut: 'followup', title: 'Follow up tomorrow',
    body: '{{customer.first_name}}, I have noted everything and will get back to you tomorrow morning about {{conversation.id}}.' },
  { locale: 'en', scope: 'personal', category: 'complaint', shortcut: 'escalate', title: 'Escalated to team lead',
    body: 'I have escalated your case to my team lead so it gets the attention it deserves. You will hear from us before {{conversation.due}}.' },
];

/**
 * The demo trainee's training assignments (the scenarios themselves are the built-in library in
 * shared/data/training): one due soon, one overdue, so the training home and the lead's progress show both.
 */
export interface TrainingAssignmentSeed {
  scenarioId: string;
  /** Days from the demo's "now" (negative: already overdue). */
  dueInDays: number;
  assignedDaysAgo: number;
}

export const TRAINING_ASSIGNMENTS: TrainingAssignmentSeed[] = [
  { scenarioId: 'zh-upload-stuck-99', dueInDays: 2, assignedDaysAgo: 3 },
  { scenarioId: 'zh-severe-complaint-fraud', dueInDays: -1, assignedDaysAgo: 8 },
  { scenarioId: 'zh-angry-vip-withdrawal', dueInDays: 6, assignedDaysAgo: 1 },
];
