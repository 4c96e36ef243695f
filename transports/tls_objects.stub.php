<?php

/**
 * PHP 8.6's Openssl\Session, Openssl\OpensslException and Openssl\Psk
 * (ext/openssl/openssl.stub.php, PRs #20296 and #22057), registered by
 * xsock only where the running PHP lacks them (8.2-8.5, or 8.6 built
 * without ext/openssl).  Same names, signatures and defaults.
 *
 * @generate-class-entries
 */

namespace Openssl {

	/**
	 * @strict-properties
	 * @not-serializable
	 */
	final class Session
	{
		public readonly string $id;

		public function export(int $format = OPENSSL_ENCODING_PEM): string {}

		public static function import(string $data, int $format = OPENSSL_ENCODING_PEM): Session {}

		public function isResumable(): bool {}

		public function getTimeout(): int {}

		public function getCreatedAt(): int {}

		public function getProtocol(): ?string {}

		public function getCipher(): ?string {}

		public function hasTicket(): bool {}

		public function getTicketLifetimeHint(): ?int {}
	}

	class OpensslException extends \Exception
	{
	}

	/**
	 * @strict-properties
	 * @not-serializable
	 */
	final class Psk
	{
		/**
		 * @var int
		 * @cvalue XSOCK_PSK_MAX_LEN
		 */
		public const MAX_PSK_LEN = UNKNOWN;

		/**
		 * @var int
		 * @cvalue XSOCK_PSK_MAX_IDENTITY_LEN
		 */
		public const MAX_IDENTITY_LEN = UNKNOWN;

		public readonly string $psk;

		public readonly ?string $identity;

		public function __construct(string $psk, ?string $identity = null) {}
	}
}
