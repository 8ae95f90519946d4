// The offline banner's words, shared by the app's NetworkBanner and the member's plain home (web/home/home.ts).
export const OFFLINE_TEXT = '网络已断开：正在填写的内容保存在本机，网络恢复后再保存或提交。';
export const ONLINE_AGAIN_TEXT = '网络已恢复，可以继续操作。';
