/** What the app hands to requestPayment: signed by the server with the merchant key. */
export interface WechatPaymentStart {
  outTradeNo: string;
  amountFen: number;
  /** ISO instant: the order closes with the seat's payment deadline. */
  expiresAt: string;
  params: { timeStamp: string; nonceStr: string; package: string; signType: 'RSA'; paySign: string };
}
