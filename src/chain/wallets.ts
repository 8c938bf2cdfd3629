import { defineApi, type CodeRule } from '../core/profile.js';
import { inheritedProp } from '../core/safe.js';
import { readChainBody, toReading } from './chain-body.js';
import { errorLinks, findLink, numericCode, textOf } from './links.js';

const rejected = { kind: 'aborted', retry: false, message: 'You cancelled the request in your wallet.' } as const;
const connect = { kind: 'forbidden', retry: false, recovery: 'connect-wallet', message: 'Connect your wallet to continue.' } as const;
const switchNetwork = { kind: 'conflict', retry: false, recovery: 'switch-network', message: 'Your wallet is on another network. Switch network and try again.' } as const;

// EIP-1193 §6 provider errors, EIP-3085/3326 (4902), and the names viem, wagmi and the Solana
// wallet adapter give the same failures when no code is attached.
const codes = {
  '4001': rejected,
  ACTION_REJECTED: rejected, // ethers v6
  '4100': { ...connect, message: 'Your wallet has not authorised this site or account. Connect your wallet again.' },
  '4900': { ...connect, message: 'Your wallet is disconnected. Connect it again.' },
  '4901': { ...connect, message: 'Your wallet is not connected to this network. Connect it again.' },
  WalletNotConnectedError: connect, // Solana wallet adapter
  WalletNotReadyError: { ...connect, message: 'No wallet was found. Install or unlock a wallet, then connect it.' },
  WalletDisconnectedError: { ...connect, message: 'Your wallet is disconnected. Connect it again.' },
  WalletAccountError: connect,
  WalletPublicKeyError: connect,
  AccountNotFoundError: connect, // viem: no account to act with
  ConnectorNotConnectedError: connect, // wagmi
  ConnectorAccountNotFoundError: connect,
  ConnectorNotFoundError: connect,
  ProviderNotFoundError: { ...connect, message: 'No wallet was found. Install or unlock a wallet, then connect it.' },
  ConnectorUnavailableReconnectingError: connect,
  '4902': { ...switchNetwork, message: 'Your wallet does not know this network yet. Add it in your wallet, then switch to it.' },
  ChainMismatchError: switchNetwork, // viem
  ChainNotFoundError: switchNetwork,
  ChainNotConfiguredError: switchNetwork, // wagmi
  ConnectorChainMismatchError: switchNetwork,
  // A request is already waiting in the wallet (MetaMask: "Request of type … already pending").
  // Sending another only fails the same way: the person has to open the wallet.
  '-32002': { kind: 'conflict', retry: false, message: 'Your wallet already has a request waiting. Open your wallet to approve or reject it.' },
} satisfies Record<string, CodeRule>;

const NAMED = new Set(Object.keys(codes).filter((key) => /^[A-Z]/.test(key) && key !== 'ACTION_REJECTED'));
const STANDARD = new Set([4001, 4100, 4900, 4901, 4902]);
const REJECTED_NAMES = /^(UserRejectedRequestError|WalletWindowClosedError|WalletSignTransactionError|WalletSendTransactionError|WalletSignMessageError|WalletSignInError|WalletConnectionError)$/;
const REJECTED_TEXT = /user rejected|user denied|rejected the request|rejected by (the )?user|user cancell?ed|user declined|request rejected|closed the window/i;
const PENDING_TEXT = /already pending|request.{0,40}pending|pending request/i;

/** The wallet's code for a thrown value, or null when it is not a wallet's failure. */
function walletCode(links: readonly unknown[]): { code: string; link: unknown } | null {
  for (const link of links) {
    const code = numericCode(link);
    const name = textOf(link, 'name') ?? '';
    const message = textOf(link, 'message') ?? '';
    if (code !== null && STANDARD.has(code)) return { code: String(code), link };
    if (inheritedProp(link, 'code') === 'ACTION_REJECTED') return { code: 'ACTION_REJECTED', link };
    if (REJECTED_NAMES.test(name) && REJECTED_TEXT.test(message)) return { code: '4001', link };
    if (name === 'UserRejectedRequestError' || name === 'WalletWindowClosedError') return { code: '4001', link };
    if (NAMED.has(name)) return { code: name, link };
    if (code === -32002 && (name === 'ResourceUnavailableRpcError' || PENDING_TEXT.test(message))) return { code: '-32002', link };
  }
  return null;
}

/**
 * Wallet failures: EIP-1193 providers (MetaMask, Rabby, Phantom…), viem and wagmi, ethers v6,
 * the Solana wallet adapter. A rejection is `aborted` (no toast); no wallet, a locked or
 * disconnected one ask to connect; a wrong chain asks to switch; a busy wallet asks to open it.
 */
export const wallets = defineApi({
  name: 'wallet',
  title: 'Wallet',
  codes,
  read: (body) => readChainBody(body),
  readThrown: (thrown) => {
    const links = errorLinks(thrown);
    const found = walletCode(links);
    if (!found) return null;
    // The wallet's own words where it gave some (viem's shortMessage is written for people).
    const outer = findLink(links, (link) => typeof inheritedProp(link, 'shortMessage') === 'string');
    const message = textOf(found.link, 'shortMessage') ?? textOf(outer, 'shortMessage') ?? textOf(found.link, 'message');
    return toReading({ code: found.code, message });
  },
});
